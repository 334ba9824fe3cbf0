import { expect, test, type Page } from "@playwright/test";
import { appUrl } from "./support/app-env";
import { queryE2eDatabase } from "./support/database";
import { replyInSimulator, runFirstStart } from "./support/first-start";
import { linkNewXAccount } from "./support/link-x";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

// From replies in X to an order: the cart shows what the replies added, in each store's
// currency; checkout orders one store's lines once; the order page, the product's stock and the
// confirmation email follow.

test.beforeAll(runFirstStart);
// A shopper in New York: the browser reports its zone (a tz cookie) and times come in it.
test.use({ timezoneId: "America/New_York" });

const US_MUG = "us-stoneware-mug";
const UK_MUG = "uk-tea-mug";

async function shoot(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `reports/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function fillUsAddress(page: Page) {
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Street address").fill("1 Market St");
  await page.getByLabel("City").fill("San Francisco");
  await page.getByLabel("State").selectOption("CA");
  await page.getByLabel("ZIP code").fill("94107");
}

/** The stock of a product without sizes: its one variant's. */
const stockOf = async (productId: string) =>
  (
    await queryE2eDatabase<{ stock: number }>(
      `SELECT stock FROM "ProductVariant" WHERE "productId" = $1 AND name = ''`,
      [productId],
    )
  )[0]!.stock;

test("replies in both stores fill the cart; the US order is placed once and emailed", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Few enough that the product page shows the count going down.
  await queryE2eDatabase(`UPDATE "ProductVariant" SET stock = 9 WHERE "productId" = $1`, [US_MUG]);
  const email = uniqueEmail("buyer");
  await signInByEmail(page, email);
  const username = await linkNewXAccount(page, "buy");

  await replyInSimulator(page, username, /Stoneware Mug, \$/, "#addtocart 2");
  await replyInSimulator(page, username, /Builder's Tea Mug, £/, "#addtobasket");

  await page.goto(`${appUrl}/cart`);
  // The worker adds them within a few seconds; the page shows the cart as it is when loaded.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("cart-line")).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const us = page.getByTestId("cart-group-US");
  const uk = page.getByTestId("cart-group-UK");
  await expect(us.getByTestId("group-subtotal")).toHaveText(/\$36\.00/);
  await expect(uk.getByTestId("group-subtotal")).toHaveText(/£/);
  await expect(us.getByText(/added from your reply/i)).toBeVisible();
  await expect(uk.getByText(/added from your reply/i)).toBeVisible();
  await expect(us.getByRole("link", { name: /view reply/i })).toHaveAttribute(
    "href",
    /127\.0\.0\.1/,
  );

  await us.getByRole("button", { name: "Increase quantity of Stoneware Mug" }).click();
  await expect(us.getByTestId("line-quantity")).toHaveText("3");
  await expect(us.getByTestId("group-subtotal")).toHaveText(/\$54\.00/);
  // That was the optimistic figure: reload only once the server action has settled.
  await expect(page.locator("[aria-busy]").first()).toHaveAttribute("aria-busy", "false");
  await page.reload();
  await expect(us.getByTestId("line-quantity")).toHaveText("3");
  await shoot(page, "cart");

  await us.getByTestId("checkout-US").click();
  await expect(page.getByRole("heading", { name: "Checkout: United States store" })).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toHaveText("$54.00");
  await fillUsAddress(page);
  await shoot(page, "checkout");
  await page.getByRole("button", { name: "Confirm order" }).click();

  await expect(page.getByRole("heading", { name: /^Order #/ })).toBeVisible();
  await expect(page.getByText(/your order is confirmed/)).toBeVisible();
  await expect(page.getByTestId("order-total")).toHaveText("$54.00");
  await expect(page.getByTestId("order-address")).toContainText("94107");
  const orderUrl = page.url();
  const orderNumber = (await page.getByRole("heading", { name: /^Order #/ }).textContent())!
    .replace("Order #", "")
    .trim();
  await shoot(page, "order");

  // The US lines are ordered; the UK line waits for its own checkout.
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto(`${appUrl}/p/${US_MUG}`);
  await expect(page.getByText("Only 6 left")).toBeVisible();
  expect(await stockOf(US_MUG)).toBe(6);
  // The decrement is in the mug's stock history, naming the order.
  const history = await queryE2eDatabase<{ delta: number; reason: string; note: string }>(
    `SELECT delta, reason, note FROM "StockAdjustment" WHERE "productId" = $1 AND reason = 'ORDER'`,
    [US_MUG],
  );
  expect(history).toEqual([{ delta: -3, reason: "ORDER", note: `Order ${orderNumber}` }]);

  await page.goto(`${appUrl}/dev/mailbox`);
  const confirmation = page
    .getByRole("listitem")
    .filter({ hasText: email })
    .filter({ hasText: `Your replycart order #${orderNumber} is confirmed` });
  await expect(async () => {
    await page.reload();
    await expect(confirmation).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await confirmation.getByRole("link", { name: "View your order" }).click();
  await expect(page).toHaveURL(orderUrl.replace("?placed=1", ""));
  // Rendered on the server in the zone the browser reported, and named.
  await expect(page.locator("h1 ~ p time")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} E[SD]T$/);

  const orders = await queryE2eDatabase<{ n: string }>(
    `SELECT count(*) AS n FROM "Order" o JOIN "User" u ON u.id = o."userId" WHERE u.email = $1`,
    [email],
  );
  expect(orders[0]!.n).toBe("1");
  expect(await stockOf(UK_MUG)).toBeGreaterThan(0);
});

test("a price change between review and confirm orders nothing and shows the change", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("pricey");
  await signInByEmail(page, email);
  const [user] = await queryE2eDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    email,
  ]);
  await queryE2eDatabase(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "addedPriceMinor", "updatedAt")
     VALUES ($1, $2, 'us-field-notes', '', 2, 1400, now())`,
    [`e2eline${Date.now().toString(36)}`, user!.id],
  );

  await page.goto(`${appUrl}/checkout?marketplace=US`);
  await expect(page.getByTestId("checkout-total")).toHaveText("$28.00");
  await fillUsAddress(page);
  await queryE2eDatabase(`UPDATE "Product" SET "priceMinor" = 1600 WHERE id = 'us-field-notes'`);
  try {
    await page.getByRole("button", { name: "Confirm order" }).click();
    await expect(page.getByTestId("checkout-changes")).toContainText(
      "Field Notes Journal now costs $16.00 (it was $14.00 when you reviewed).",
    );
    await expect(page.locator('[data-testid="review-line"][data-changed="true"]')).toHaveCount(1);
    await expect(page.getByTestId("checkout-total")).toHaveText("$32.00");
    // What was typed survives the refused confirmation.
    await expect(page.getByLabel("ZIP code")).toHaveValue("94107");
    const [none] = await queryE2eDatabase<{ n: string }>(
      `SELECT count(*) AS n FROM "Order" WHERE "userId" = $1`,
      [user!.id],
    );
    expect(none!.n).toBe("0");

    await page.getByRole("button", { name: "Confirm order" }).click();
    await expect(page.getByTestId("order-total")).toHaveText("$32.00");
  } finally {
    await queryE2eDatabase(`UPDATE "Product" SET "priceMinor" = 1400 WHERE id = 'us-field-notes'`);
  }

  // Another shopper gets the same 404 as for an order that does not exist.
  const stranger = await browser.newPage({ baseURL: appUrl });
  await signInByEmail(stranger, uniqueEmail("stranger"));
  for (const url of [page.url(), "/orders/cnotarealorder000000000000", "/orders/%27%3B--"]) {
    const response = await stranger.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(
      stranger.getByRole("heading", { name: "We couldn't find that order" }),
    ).toBeVisible();
  }
  await stranger.close();
});

test("a confirmation with a foreign, null or missing Origin orders nothing", async ({ page }) => {
  const email = uniqueEmail("origin");
  await signInByEmail(page, email);
  const [user] = await queryE2eDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    email,
  ]);
  await queryE2eDatabase(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "updatedAt")
     VALUES ($1, $2, 'us-stoneware-mug', '', 1, now())`,
    [`e2eorigin${Date.now().toString(36)}`, user!.id],
  );

  for (const origin of ["https://evil.example", "null", null]) {
    await page.goto(`${appUrl}/checkout?marketplace=US`);
    await fillUsAddress(page);
    // The browser always sends its own Origin; another site's form, a sandboxed frame or a
    // non-browser client would not.
    await page.route("**/checkout?*", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const headers = { ...route.request().headers() };
      if (origin === null) delete headers.origin;
      else headers.origin = origin;
      await route.fulfill({ response: await route.fetch({ headers }) });
    });
    await page.getByRole("button", { name: "Confirm order" }).click();
    // Next refuses a foreign or null Origin itself; a missing one reaches our check.
    await expect(page.getByRole("alert").first()).toContainText(
      origin === null ? "did not come from the shop's checkout page" : "Nothing was ordered",
    );
    await page.unroute("**/checkout?*");
  }
  const [orders] = await queryE2eDatabase<{ n: string }>(
    `SELECT count(*) AS n FROM "Order" WHERE "userId" = $1`,
    [user!.id],
  );
  expect(orders!.n).toBe("0");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});

test("a saved address that today's rules refuse is prefilled with its wrong fields marked", async ({
  page,
}) => {
  const email = uniqueEmail("oldaddress");
  await signInByEmail(page, email);
  const [user] = await queryE2eDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    email,
  ]);
  await queryE2eDatabase(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "updatedAt")
     VALUES ($1, $2, 'us-field-notes', '', 1, now())`,
    [`e2esaved${Date.now().toString(36)}`, user!.id],
  );
  // Saved before states were checked.
  await queryE2eDatabase(
    `INSERT INTO "ShippingAddress" ("userId", "marketplaceId", "fullName", line1, line2, city, region, "postalCode", "updatedAt")
     SELECT $1, id, 'Grace Hopper', '1 Market St', '', 'San Francisco', 'ZZ', '941071234', now()
     FROM "Marketplace" WHERE code = 'US'`,
    [user!.id],
  );

  await page.goto(`${appUrl}/checkout?marketplace=US`);
  await expect(page.getByTestId("saved-address-needs-a-look")).toBeVisible();
  const state = page.getByLabel("State");
  await expect(state).toHaveValue("ZZ");
  await expect(state).toHaveAttribute("aria-invalid", "true");
  await expect(state).toHaveAccessibleDescription("Enter a US state, like CA or New York.");
  // Valid once normalised: shown normalised, unmarked.
  await expect(page.getByLabel("ZIP code")).toHaveValue("94107-1234");
  await expect(page.getByLabel("ZIP code")).not.toHaveAttribute("aria-invalid");
  await expect(page.getByLabel("Full name")).toHaveValue("Grace Hopper");
  await shoot(page, "checkout-saved-address-needs-a-look");

  // Confirmed as it is, the server refuses the state on its field.
  await page.getByRole("button", { name: "Confirm order" }).click();
  await expect(page.getByTestId("saved-address-needs-a-look")).toBeHidden();
  await expect(state).toHaveAccessibleDescription("Enter a US state, like CA or New York.");
  const [none] = await queryE2eDatabase<{ n: string }>(
    `SELECT count(*) AS n FROM "Order" WHERE "userId" = $1`,
    [user!.id],
  );
  expect(none!.n).toBe("0");

  await state.selectOption({ label: "New York" });
  await page.getByRole("button", { name: "Confirm order" }).click();
  await expect(page.getByTestId("order-address")).toContainText("San Francisco, NY");
  await expect(page.getByTestId("order-address")).toContainText("94107-1234");
  const [saved] = await queryE2eDatabase<{ region: string; postalCode: string }>(
    `SELECT region, "postalCode" FROM "ShippingAddress" WHERE "userId" = $1`,
    [user!.id],
  );
  expect(saved).toEqual({ region: "NY", postalCode: "94107-1234" });
});
