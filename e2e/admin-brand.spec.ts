import { expect, test, type Route } from "@playwright/test";
import { ADMIN, brandRows, connectBrandAsAdmin, signInAsAdmin } from "./support/brand";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

test("the owner connects the brand account on /admin/x, sees its health, and disconnects it", async ({
  page,
}) => {
  await signInByEmail(page, ADMIN);
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page
    .getByRole("navigation", { name: "Console" })
    .getByRole("link", { name: "X account" })
    .click();
  await expect(page.getByRole("heading", { name: "Brand X account" })).toBeVisible();

  await page.getByRole("button", { name: "Connect brand account" }).click();
  await expect(page.getByText("tweet.write")).toBeVisible(); // X lists what the app asks for
  await page.getByLabel(/@replycart$/).check();
  await page.getByRole("button", { name: "Authorize app" }).click();

  await expect(page.getByRole("status")).toContainText("The brand account is connected");
  await expect(page.getByTestId("brand-handle")).toHaveText("@replycart");
  // A 2-hour token, issued just now: its time left is never rounded up, nor down to "1 hour".
  await expect(page.getByTestId("brand-expiry")).toHaveText(/^expires in (1 h 5\d min|2 h)$/);
  await expect(page.getByTestId("brand-error")).toHaveText("none");
  // The admin's own sign-in is untouched.
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page.getByText(`Signed in as ${ADMIN}`)).toBeVisible();

  await page.goto("/admin/x");
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("status")).toContainText(
    "disconnected, its tokens are deleted and revoked at X",
  );
  await expect(page.getByTestId("brand-handle")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect brand account" })).toBeVisible();
});

test("an owner who cancels at X's consent page is told so on /admin/x", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/x");
  await page.getByRole("button", { name: "Connect brand account" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/admin\/x\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "didn't complete" })).toBeVisible();
  await expect(page.getByTestId("brand-handle")).toHaveCount(0);
});

test("a shopper and a signed-out visitor get 404 on every /admin path", async ({ page }) => {
  for (const path of ["/admin", "/admin/x", "/admin/anything"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  await signInByEmail(page, uniqueEmail("shopper"));
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/x"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("Brand X account")).toHaveCount(0);
  }
});

test("a shopper replaying the admin's disconnect request is refused, and the brand stays", async ({
  page,
  browser,
}) => {
  await connectBrandAsAdmin(page);

  // The admin's own disconnect, captured on its way out and never sent.
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  const capture = async (route: Route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    captured = { headers: request.headers(), body: request.postDataBuffer() ?? Buffer.from("") };
    await route.abort();
  };
  const adminX = (url: URL) => url.pathname === "/admin/x";
  await page.route(adminX, capture);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect.poll(() => captured).toBeDefined();

  // A signed-in shopper sends it, Origin and all, to a path the proxy lets shoppers reach:
  // Next runs an action wherever it is posted, so only the action's own role check stands.
  const shopper = await browser.newContext();
  try {
    const shopperPage = await shopper.newPage();
    await signInByEmail(shopperPage, uniqueEmail("replayer"));
    const { headers, body } = captured!;
    const response = await shopperPage.request.post("/cart", {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        origin: headers.origin!,
        accept: "text/x-component",
      },
      data: body,
    });
    expect(await response.text()).toContain(
      "Only the shop's owner can disconnect the brand account.",
    );
    expect(await brandRows()).toHaveLength(1);
  } finally {
    await shopper.close();
  }

  // The admin, unhindered, disconnects for the tests that follow.
  await page.unroute(adminX, capture);
  await page.goto("/admin/x");
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("status")).toContainText("disconnected");
  expect(await brandRows()).toHaveLength(0);
});
