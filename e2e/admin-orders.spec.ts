import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { appUrl } from "./support/app-env";
import { signInAs } from "./support/brand";
import { queryE2eDatabase } from "./support/database";

async function shoot(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `reports/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const REPLY_TEXT = "@replycart #addtocart size M, gift for my sister";

/**
 * A shopper's US order of 2 tees, size M, put in the cart by a reply on X: the rows checkout
 * leaves (the order, its line, the reply moved onto the line, the PLACED event).
 */
async function seedReplyOrder(email: string) {
  const [{ id: userId }] = (await queryE2eDatabase<{ id: string }>(
    `SELECT id FROM "User" WHERE email = $1`,
    [email],
  )) as [{ id: string }];
  const orderId = `e2eorder${randomBytes(8).toString("hex")}`;
  const tweetId = String(9_100_000_000_000_000_000n + BigInt(Date.now()));
  await queryE2eDatabase(
    `INSERT INTO "Order" (id, "userId", "marketplaceId", currency, "totalMinor", "idempotencyKey",
       "cartHash", "shippingAddress")
     SELECT $2, $1, m.id, m.currency, 5600, $2, 'seeded',
       '{"fullName":"Grace Hopper","line1":"1 Market St","line2":"","city":"San Francisco","region":"CA","postalCode":"94107","country":"United States"}'
     FROM "Marketplace" m WHERE m.code = 'US'`,
    [userId, orderId],
  );
  await queryE2eDatabase(
    `INSERT INTO "OrderItem" (id, "orderId", "productId", title, variant, "unitPriceMinor", quantity)
     VALUES ($1 || 'item', $1, 'us-organic-tee', 'Organic Cotton Tee', 'M', 2800, 2)`,
    [orderId],
  );
  await queryE2eDatabase(
    `INSERT INTO "TweetEvent" (id, "tweetId", "latestTweetId", source, "authorXId", "authorUsername",
       text, status, outcome, "productId", quantity, size, "userId", "processedAt", "postedAt")
     VALUES ($1 || 'reply', $2, $2, 'XAA', '1', 'gracehopper', $3, 'DONE', 'ADDED',
       'us-organic-tee', 2, 'M', $4, now(), now())`,
    [orderId, tweetId, REPLY_TEXT, userId],
  );
  await queryE2eDatabase(
    `INSERT INTO "CartItemSource" ("tweetId", "orderItemId", quantity) VALUES ($1, $2 || 'item', 2)`,
    [tweetId, orderId],
  );
  await queryE2eDatabase(
    `INSERT INTO "OrderEvent" (id, "orderId", kind, "actorId") VALUES ($1 || 'placed', $1, 'PLACED', $2)`,
    [orderId, userId],
  );
  return orderId;
}

test("the owner finds an order, sees its reply, ships it; the shopper's page and mailbox show it", async ({
  page,
  browser,
}) => {
  const shopperContext = await browser.newContext();
  const shopper = await shopperContext.newPage();
  const email = await signInAs(shopper, "shopper");
  const orderId = await seedReplyOrder(email);
  const number = orderId.slice(-8).toUpperCase();

  await signInAs(page, "owner");
  await page.goto(`${appUrl}/admin`);
  await page
    .getByRole("navigation", { name: "Console" })
    .getByRole("link", { name: "Orders" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.getByTestId("orders-table")).toBeVisible();
  await shoot(page, "admin-orders");

  await page.getByRole("searchbox", { name: "Search" }).fill(`#${number}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=%23/);
  const rows = page.getByTestId("admin-order-row");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(email);
  await expect(rows).toContainText("$56.00");
  await expect(rows).toContainText("Reply");
  await expect(rows).toContainText("Confirmed");

  await rows.getByRole("link", { name: `#${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
  const reply = page.getByTestId("admin-order-reply");
  await expect(reply).toContainText(REPLY_TEXT);
  await expect(reply).toContainText("@gracehopper");
  await expect(reply.getByRole("link", { name: "View the reply on X" })).toHaveAttribute(
    "href",
    /#post-\d+$|\/status\/\d+$/,
  );
  await expect(page.getByTestId("order-timeline")).toContainText("Order placed");
  await shoot(page, "admin-order");

  const ship = page.getByTestId("order-ship-form");
  await ship.getByLabel("Carrier (optional)").fill("UPS");
  await ship.getByLabel("Tracking number (optional)").fill("1Z999AA10123456784");
  await ship.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as shipped" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Shipped");
  await expect(page.getByTestId("admin-order-tracking")).toContainText("1Z999AA10123456784");
  await expect(page.getByTestId("order-timeline")).toContainText(
    "Shipped by UPS, tracking number 1Z999AA10123456784",
  );
  await expect(page.getByTestId("order-timeline")).toContainText("admin@replycart.local");
  // A shipped order offers delivery, no longer shipping or cancelling.
  await expect(page.getByRole("button", { name: "Mark as shipped" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark as delivered" })).toBeVisible();

  const audit = await queryE2eDatabase<{ actorEmail: string; action: string }>(
    `SELECT "actorEmail", action FROM "AuditEvent" WHERE "subjectId" = $1`,
    [orderId],
  );
  expect(audit).toEqual([{ actorEmail: "admin@replycart.local", action: "order.ship" }]);

  await shopper.goto(`${appUrl}/orders/${orderId}`);
  await expect(shopper.getByTestId("order-status")).toHaveText("Shipped");
  await expect(shopper.getByTestId("order-tracking")).toHaveText("1Z999AA10123456784");
  await shopper.goto(`${appUrl}/orders`);
  await expect(shopper.getByTestId("order-row")).toContainText("shipped");

  await page.goto(`${appUrl}/dev/mailbox`);
  const shipped = page
    .getByRole("listitem")
    .filter({ hasText: email })
    .filter({ hasText: `Your replycart order #${number} has shipped` });
  await expect(async () => {
    await page.reload();
    await expect(shipped).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(shipped).toContainText("Tracking number: 1Z999AA10123456784");
  await shopperContext.close();
});

test("the CSV export is the owner's and staff's only, and neutralises formulas", async ({
  page,
  browser,
}) => {
  const shopperContext = await browser.newContext();
  const shopper = await shopperContext.newPage();
  await signInAs(shopper, "shopper");
  expect((await shopper.request.get(`${appUrl}/admin/orders/export`)).status()).toBe(404);
  await shopperContext.close();

  await signInAs(page, "staff");
  const response = await page.request.get(`${appUrl}/admin/orders/export?store=US`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const text = await response.text();
  expect(text.split("\r\n")[0]).toBe(
    "Order,Placed (UTC),Store,Email,X handle,Items,Total,Currency,Status,Came by,Carrier,Tracking number",
  );
  // Every row is of the US store, as the filter asked.
  for (const line of text.trim().split("\r\n").slice(1)) expect(line.split(",")[2]).toBe("US");
});
