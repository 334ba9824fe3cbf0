import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./support/brand";
import { queryE2eDatabase } from "./support/database";
import { replyInSimulator, runFirstStart } from "./support/first-start";
import { linkNewXAccount } from "./support/link-x";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

// The cart is live: a reply processed while the shop is open in other tabs shows in each of
// them (the header's count, the cart, My replies) without a reload, with a toast saying what
// arrived. The reply goes the real way: the simulator's UI, the signed webhook, the worker.

test.beforeAll(runFirstStart);

// Each test's reply is its own: the simulator's timeline (which other specs read) shows the
// bot's answer to every one, and reply-to-cart.spec.ts looks for its "2 × … (size M)".
const TEE = /Organic Cotton Tee, \$/;

/** Marks the page's window: a reload or a navigation would lose the mark. */
const markWindow = (page: Page) =>
  page.evaluate(() => Object.assign(window, { liveCartMark: true }));
const stillMarked = (page: Page) =>
  page.evaluate(() => (window as { liveCartMark?: boolean }).liveCartMark === true);

/** Waits for the page's stream to the shop to be listening. */
const connected = (page: Page) =>
  expect(page.getByTestId("live-cart")).toHaveAttribute("data-connected", "true");

/** When the worker committed the reply of `username` whose text is `text`, once it has. */
async function processedAt(username: string, text: string): Promise<Date | null> {
  const [row] = await queryE2eDatabase<{ processedAt: Date }>(
    `SELECT e."processedAt" FROM "TweetEvent" e
     JOIN "Account" a ON a.provider = 'twitter' AND a."providerAccountId" = e."authorXId"
     WHERE a.username = $1 AND e.text LIKE '%' || $2 AND e.status = 'DONE'`,
    [username, text],
  );
  return row?.processedAt ?? null;
}

const waitProcessed = async (username: string, text: string) => {
  await expect
    .poll(() => processedAt(username, text), { timeout: 15_000, intervals: [100] })
    .not.toBeNull();
};

test("a reply posted in X updates the header, the cart and My replies of every open tab, without a reload", async ({
  page,
  context,
}) => {
  await signInByEmail(page, uniqueEmail("live"));
  const username = await linkNewXAccount(page, "live");
  await page.goto("/cart");
  await expect(page.getByTestId("cart-empty")).toBeVisible();
  const replies = await context.newPage();
  await replies.goto("/account/replies");
  for (const tab of [page, replies]) {
    await expect(tab.getByTestId("cart-count")).toHaveText("0");
    await connected(tab);
    await markWindow(tab);
  }

  const sim = await context.newPage();
  await replyInSimulator(sim, username, TEE, "#addtocart 2 size L");
  await waitProcessed(username, "#addtocart 2 size L");

  // The promise: within 2 s of the reply being processed.
  for (const tab of [page, replies])
    await expect(tab.getByTestId("cart-count")).toHaveText("2", { timeout: 2_000 });
  const line = page.getByTestId("cart-line").filter({ hasText: "Organic Cotton Tee" });
  await expect(line.getByTestId("line-quantity")).toHaveText("2");
  await expect(line).toContainText("Size L");
  await expect(replies.getByTestId("reply-entry").first()).toContainText("#addtocart 2 size L");
  for (const tab of [page, replies]) {
    await expect(
      tab
        .getByTestId("live-toast")
        .filter({ hasText: "Added from your reply: 2 × Organic Cotton Tee, size L" }),
    ).toBeVisible();
    expect(await stillMarked(tab)).toBe(true);
  }

  // The toast goes when dismissed.
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("live-toast")).toBeEmpty();
});

test("a hidden tab lets go of its stream and catches up when shown again; the toast clears a phone's header", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInByEmail(page, uniqueEmail("hidden"));
  const username = await linkNewXAccount(page, "hide");
  await page.goto("/cart");
  const other = await context.newPage();
  await other.setViewportSize({ width: 375, height: 740 });
  await other.goto("/cart");
  for (const tab of [page, other]) {
    await connected(tab);
    await markWindow(tab);
  }

  // The browser hides the tab (another tab in front, the phone locked).
  const setVisibility = (state: "hidden" | "visible") =>
    page.evaluate((value) => {
      Object.defineProperty(document, "visibilityState", { value, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await expect(page.getByTestId("live-cart")).toHaveAttribute("data-connected", "false");

  const sim = await context.newPage();
  await replyInSimulator(sim, username, TEE, "#addtocart 3 size S");
  await waitProcessed(username, "#addtocart 3 size S");
  // The shown tab heard it; the hidden one, with no stream, did not.
  await expect(other.getByTestId("cart-count")).toHaveText("3");
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  // The shown tab's toast, on a phone: below the sticky header, inside the screen.
  const toast = other
    .getByTestId("live-toast")
    .filter({ hasText: "Added from your reply: 3 × Organic Cotton Tee, size S" });
  await expect(toast).toBeVisible();
  const header = (await other.locator("header").boundingBox())!;
  const shown = (await toast.boundingBox())!;
  expect(shown.y).toBeGreaterThanOrEqual(header.y + header.height);
  expect(shown.x + shown.width).toBeLessThanOrEqual(375);
  await other.screenshot({ path: "reports/screenshots/live-toast-375.png" });

  await setVisibility("visible");
  await connected(page);
  await expect(page.getByTestId("cart-count")).toHaveText("3");
  await expect(
    page.getByTestId("cart-line").filter({ hasText: "Organic Cotton Tee" }),
  ).toBeVisible();
  for (const tab of [page, other]) expect(await stillMarked(tab)).toBe(true);
});

test("the event stream is for signed-in shoppers only", async ({ request }) => {
  const response = await request.get("/api/cart/events");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({
    error: { code: "not_signed_in", message: "Sign in to follow your cart." },
  });
});

test.describe("the header on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  /** The header's controls, left to right: each whole, on screen, and clear of the next. */
  async function expectHeaderFits(page: Page, links: string[]) {
    const header = page.locator("header");
    const controls = [
      ...links.map((name) => ({ name, control: header.getByRole("link", { name, exact: true }) })),
      { name: "Cart", control: header.getByRole("link", { name: /^Cart \d+ items?$/ }) },
      { name: "Account menu", control: header.getByRole("button", { name: "Account menu" }) },
    ];
    const boxes = [];
    for (const { name, control } of controls) {
      await expect(control).toBeVisible();
      boxes.push({ name, box: (await control.boundingBox())! });
    }
    for (const [index, { name, box }] of boxes.entries()) {
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(375);
      const next = boxes[index + 1];
      if (next)
        expect(box.x + box.width, `${name} before ${next.name}`).toBeLessThanOrEqual(next.box.x);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
  }

  test("keeps the wordmark and Shop beside the cart and the menu, for a shopper and an admin", async ({
    page,
    browser,
  }) => {
    await signInByEmail(page, uniqueEmail("narrow"));
    await page.goto("/");
    await expectHeaderFits(page, ["replycart", "Shop"]);
    await page.locator("header").screenshot({ path: "reports/screenshots/header-375-shopper.png" });

    const admin = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await signInAsAdmin(admin);
    await admin.goto("/");
    await expectHeaderFits(admin, ["replycart", "Shop", "Admin"]);
    await admin.locator("header").screenshot({ path: "reports/screenshots/header-375-admin.png" });
    await admin.close();
  });
});
