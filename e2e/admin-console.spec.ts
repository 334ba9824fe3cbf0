import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { appUrl } from "./support/app-env";
import { ADMIN, brandRows, connectBrandAsAdmin, signInAs, type Who } from "./support/brand";
import { CONSOLE_ACTION_ACCESS, CONSOLE_PAGE_PATHS } from "../test/console-access-table";
import { queryE2eDatabase } from "./support/database";

const consoleNav = (page: Page) => page.getByRole("navigation", { name: "Console" });
const OWNER_ONLY = "Only the shop's owner can open this page";
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("the owner finds every section in the navigation, the current one marked", async ({
  page,
}) => {
  await signInAs(page, "owner");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveAttribute(
    "href",
    "/admin",
  );
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const nav = consoleNav(page);
  await expect(nav.getByRole("link")).toHaveText([
    "Home",
    "Orders",
    "Products",
    "Posts",
    "X account",
    "Settings",
  ]);
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("console-role")).toHaveText("Signed in as owner");

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current");

  await page.getByRole("link", { name: /^Activity/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  // A page below a section marks the section as the current one of the list, not as this page.
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "true");
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await breadcrumb.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
});

test("the home lists what needs doing and each store's sales in its currency", async ({ page }) => {
  await signInAs(page, "owner");
  await page.goto("/admin");
  const tasks = page.getByRole("list", { name: "What needs doing" });
  await expect(tasks.getByTestId("task-orders-to-ship")).toContainText(/\d+\s*orders? to ship/);
  await expect(
    tasks.getByTestId("task-orders-to-ship").getByRole("link", { name: "Open orders" }),
  ).toHaveAttribute("href", "/admin/orders?status=CONFIRMED");
  await expect(tasks.getByTestId("task-out-of-stock")).toContainText("on sale out of stock");
  await expect(tasks.getByTestId("task-bot-failed")).toContainText("in the last 7 days");
  await expect(tasks.getByTestId("task-brand")).toContainText("brand");
  await expect(page.getByTestId("sales-US")).toContainText("$");
  await expect(page.getByTestId("sales-UK")).toContainText("£");
  await expect(page.getByTestId("sales-UK")).toContainText("This week");
});

test("staff see the home but not the owner's sections, whose pages tell them to ask the owner", async ({
  page,
}) => {
  await signInAs(page, "staff");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(consoleNav(page).getByRole("link")).toHaveText([
    "Home",
    "Orders",
    "Products",
    "Posts",
  ]);
  await expect(page.getByTestId("console-role")).toHaveText("Signed in as staff");
  // The brand's state, without a link to a page that is not theirs.
  await expect(page.getByTestId("task-brand").getByRole("link")).toHaveCount(0);

  for (const path of ["/admin/x", "/admin/settings", "/admin/settings/activity"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: OWNER_ONLY }), path).toBeVisible();
    await expect(page.getByRole("heading", { name: "Brand X account" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Connect|Disconnect/ })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Activity" })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Back to the console's home" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  // Staff run the posts.
  for (const [path, heading] of [
    ["/admin/posts", "Posts"],
    ["/admin/posts/new", "Post on X"],
    ["/admin/posts/attach", "Attach a post"],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
  }
});

test("a shopper and a signed-out visitor get 404 on every console page", async ({ page }) => {
  const paths = [...CONSOLE_PAGE_PATHS, "/admin/orders/export"];
  for (const path of paths) expect((await page.request.get(path)).status(), path).toBe(404);
  await signInAs(page, "shopper");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  for (const path of paths) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(consoleNav(page)).toHaveCount(0);
  }
});

/** Every server action of the build that lives in the console, by its exported name. */
function consoleActionsOfTheBuild(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  return new Map(
    Object.entries(manifest.node)
      .filter(([, action]) => action.filename.startsWith("app/admin/"))
      .map(([id, action]) => [action.exportedName, id]),
  );
}

const ACTIONS = CONSOLE_ACTION_ACCESS;

async function postAction(browser: Browser, who: Who, actionId: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAs(page, who);
    // Sent the way a form sends it, with the shop's Origin, to a page any signed-in user may
    // load: Next runs an action wherever it is posted, so only the action's own guard stands.
    const response = await page.request.post("/cart", {
      headers: {
        "next-action": actionId,
        "content-type": "text/plain;charset=UTF-8",
        origin: appUrl,
        accept: "text/x-component",
      },
      data: "[]",
    });
    return await response.text();
  } finally {
    await context.close();
  }
}

test("every console action of the build refuses shoppers, and staff the owner's", async ({
  browser,
}) => {
  const actions = consoleActionsOfTheBuild();
  // A console action missing from the table above fails here, before it can go unchecked.
  expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
  for (const [name, id] of actions) {
    expect(await postAction(browser, "shopper", id), `shopper ${name}`).toContain(
      '"code":"forbidden"',
    );
    const staff = await postAction(browser, "staff", id);
    if (ACTIONS[name]!.staff) expect(staff, `staff ${name}`).not.toContain('"code":"forbidden"');
    else expect(staff, `staff ${name}`).toContain('"code":"forbidden"');
    expect(await postAction(browser, "owner", id), `owner ${name}`).not.toContain(
      '"code":"forbidden"',
    );
  }
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the Menu button discloses the console's navigation, by mouse and keyboard", async ({
    page,
  }) => {
    await signInAs(page, "owner");
    await page.goto("/admin");
    const menu = consoleNav(page).getByRole("button", { name: "Console Menu" });
    const settings = consoleNav(page).getByRole("link", { name: "Settings" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(settings).toBeHidden();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(settings).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(settings).toBeHidden();
    await expect(menu).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab"); // Home
    await page.keyboard.press("Tab"); // Orders
    await page.keyboard.press("Tab"); // Products
    await page.keyboard.press("Tab"); // Posts
    await page.keyboard.press("Tab"); // X account
    await page.keyboard.press("Tab");
    await expect(settings).toBeFocused();
    await page.keyboard.press("Enter");
    // A navigation puts focus on the new page's heading, as everywhere in the app.
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeFocused();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(settings).toBeHidden();

    for (const path of CONSOLE_PAGE_PATHS) {
      await page.goto(path);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(375);
    }
  });
});

test("the brand disconnect is recorded, and the Activity page shows who did it", async ({
  page,
}) => {
  await connectBrandAsAdmin(page);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("status")).toContainText("disconnected");
  expect(await brandRows()).toHaveLength(0);
  const [row] = await queryE2eDatabase<{ actorEmail: string; before: { username: string } }>(
    `SELECT "actorEmail", before FROM "AuditEvent" WHERE action = 'brand.disconnect'
     ORDER BY "createdAt" DESC LIMIT 1`,
  );
  expect(row).toEqual({
    actorEmail: ADMIN,
    before: expect.objectContaining({ username: "replycart" }),
  });

  await page.goto("/admin/settings/activity");
  const newest = page.getByRole("list", { name: "Activity" }).getByTestId("activity-event").first();
  await expect(newest).toContainText("Disconnected the brand X account");
  await expect(newest).toContainText(`by ${ADMIN}`);
  await expect(newest.getByTestId("activity-diff")).toContainText("username");
  await expect(newest.getByTestId("activity-diff")).toContainText("replycart");
  await expect(newest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);

  await page.getByLabel("Action").selectOption({ label: "Connected the brand X account" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\?action=brand\.connect$/);
  const events = page.getByTestId("activity-event");
  await expect(events.first()).toContainText("Connected the brand X account");
  for (const text of await events.allTextContents())
    expect(text).toContain("Connected the brand X account");

  await page.goto("/admin/settings/activity?action=nothing.like.this");
  await expect(
    page.getByRole("alert").filter({ hasText: "no action called “nothing.like.this”" }),
  ).toBeVisible();
  await page.goto("/admin/settings/activity?before=not-an-event");
  await expect(page.getByRole("alert").filter({ hasText: "does not exist" })).toBeVisible();
});
