import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./support/brand";
import { queryE2eDatabase } from "./support/database";
import { signInAsNewShopper } from "./support/shopper";

// WCAG 2.1 A and AA, as axe-core checks them, on every page of the app: signed out, as a
// shopper with a cart, an order and a reply, and as the admin; at 1280 and 375 px. A page the
// table below does not list fails the first test, so a new page cannot skip its audit.

type Seeded = { orderId: string };
/** Every app route (as app/ spells it, route groups left out) and the URL its audit visits. */
const ROUTES: Record<string, (seeded: Seeded) => string> = {
  "/": () => "/",
  "/p/[id]": () => "/p/us-organic-tee",
  "/cart": () => "/cart",
  "/checkout": () => "/checkout?marketplace=US",
  "/orders": () => "/orders",
  "/orders/[id]": ({ orderId }) => `/orders/${orderId}`,
  "/account": () => "/account",
  "/account/replies": () => "/account/replies",
  "/signin": () => "/signin",
  "/signin/check-email": () => "/signin/check-email",
  "/dev/mailbox": () => "/dev/mailbox",
  "/admin": () => "/admin",
  "/admin/x": () => "/admin/x",
};
// Pages that are not routes of their own but every visitor can meet.
const EXTRA_URLS = ["/no-such-page"];

/** The app's page routes, read from app/: `app/(shop)/p/[id]/page.tsx` is `/p/[id]`. */
function appRoutes(dir = "app", prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") routes.push(prefix || "/");
    if (!entry.isDirectory() || entry.name.startsWith("_")) continue;
    const group = /^\(.*\)$/.test(entry.name);
    routes.push(
      ...appRoutes(path.join(dir, entry.name), group ? prefix : `${prefix}/${entry.name}`),
    );
  }
  return routes.sort();
}

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

/** A shopper with a cart line, an order and a reply, so their pages show what they hold. */
async function seedShopper(page: Page): Promise<Seeded> {
  const { id } = await signInAsNewShopper(page, "a11y");
  const orderId = `a11yorder${id.slice(3)}`;
  await queryE2eDatabase(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "addedPriceMinor", "updatedAt")
     SELECT $1 || 'line', $1, p.id, 'M', 2, p."priceMinor", now() FROM "Product" p WHERE p.id = 'us-organic-tee'`,
    [id],
  );
  await queryE2eDatabase(
    `INSERT INTO "Order" (id, "userId", "marketplaceId", currency, "totalMinor", "idempotencyKey",
       "cartHash", "shippingAddress")
     SELECT $2, $1, m.id, m.currency, 1800, $2, 'seeded',
       '{"fullName":"Ada Lovelace","line1":"1 Market St","line2":"","city":"San Francisco","region":"CA","postalCode":"94107","country":"United States"}'
     FROM "Marketplace" m WHERE m.code = 'US'`,
    [id, orderId],
  );
  await queryE2eDatabase(
    `INSERT INTO "OrderItem" (id, "orderId", "productId", title, "unitPriceMinor", quantity)
     VALUES ($1 || 'item', $1, 'us-stoneware-mug', 'Stoneware Mug', 1800, 1)`,
    [orderId],
  );
  await queryE2eDatabase(
    `INSERT INTO "TweetEvent" (id, "tweetId", "latestTweetId", source, "authorXId", text, status,
       outcome, "productId", quantity, size, "userId", "processedAt")
     VALUES ($1 || 'reply', $2, $2, 'XAA', '1', '@replycart #addtocart size M', 'DONE', 'ADDED',
       'us-organic-tee', 2, 'M', $1, now())`,
    [id, String(9_000_000_000_000_000_000n + BigInt(Date.now()))],
  );
  return { orderId };
}

test("every page of the app is in the audit's route table", () => {
  expect(appRoutes()).toEqual(Object.keys(ROUTES).sort());
});

const personas = {
  "signed out": async (): Promise<Seeded> => ({ orderId: "none" }),
  shopper: seedShopper,
  admin: async (page: Page): Promise<Seeded> => {
    await signInAsAdmin(page);
    return { orderId: "none" };
  },
};

for (const width of [1280, 375])
  for (const [persona, signIn] of Object.entries(personas))
    test(`no serious WCAG 2.1 AA violation, ${persona}, at ${width} px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      const seeded = await signIn(page);
      const found: string[] = [];
      for (const url of [...Object.values(ROUTES).map((route) => route(seeded)), ...EXTRA_URLS]) {
        await page.goto(url);
        for (const violation of await violations(page)) found.push(`${url}: ${violation}`);
      }
      expect(found).toEqual([]);
    });
