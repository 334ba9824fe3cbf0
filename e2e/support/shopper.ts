import type { Page } from "@playwright/test";
import { signInAs } from "./brand";
import { queryE2eDatabase } from "./database";

/** A shopper with a cart line, an order and a reply, so their pages show what they hold. */
export async function signInAsShopperWithHistory(page: Page): Promise<{ orderId: string }> {
  const email = await signInAs(page, "shopper");
  const [{ id }] = (await queryE2eDatabase<{ id: string }>(
    `SELECT id FROM "User" WHERE email = $1`,
    [email],
  )) as [{ id: string }];
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
