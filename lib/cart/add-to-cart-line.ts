import type { Sql } from "@/lib/database/sql";
import { newId } from "@/lib/database/new-id";
import { MAX_QUANTITY } from "@/lib/replies/parse-quantity-size";

type LineKey = { userId: string; productId: string; variant: string };

export type LineAdd = {
  /** How many went in: fewer than wanted when the line reached 10, 0 when it was full. */
  added: number;
  /** The line (null when nothing went in and there was none) and its quantity now. */
  lineId: string | null;
  quantity: number;
};

/**
 * Adds up to `wanted` to the shopper's line for a product and size, never past 10, or creates
 * the line, noting the product's price then so the cart can tell when it changes. With a
 * `sourceTweetId`, the reply is recorded as a source of what it added. One statement, so the
 * caller must hold the cart lock (lockCartWith) from an earlier statement: this one's snapshot
 * then sees every change made before the lock was granted.
 */
export async function addToCartLine(
  sql: Sql,
  key: LineKey,
  wanted: number,
  sourceTweetId: string | null = null,
): Promise<LineAdd> {
  // Timestamps as Prisma writes them into `timestamp` columns: UTC, whatever the session's zone.
  // What went in is read from the saved line: nothing, when the product was not there.
  const [result] = await sql.query<{ added: number; lineId: string | null; quantity: number }>(
    `WITH line AS (
       SELECT "id", "quantity" FROM "CartItem"
       WHERE "userId" = $2 AND "productId" = $3 AND "variant" = $4
     ), adding AS (
       SELECT least($5::int, $6::int - coalesce((SELECT "quantity" FROM line), 0)) AS "n"
     ), saved AS (
       INSERT INTO "CartItem" ("id", "userId", "productId", "variant", "quantity",
         "addedPriceMinor", "createdAt", "updatedAt")
       SELECT $1, $2, $3, $4, adding."n", p."priceMinor",
         now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM "Product" p, adding WHERE p."id" = $3 AND adding."n" > 0
       ON CONFLICT ("userId", "productId", "variant") DO UPDATE
         SET "quantity" = "CartItem"."quantity" + EXCLUDED."quantity",
             "updatedAt" = EXCLUDED."updatedAt"
       RETURNING "id", "quantity"
     ), source AS (
       INSERT INTO "CartItemSource" ("tweetId", "cartItemId", "quantity", "createdAt")
       SELECT $7, saved."id", adding."n", now() AT TIME ZONE 'UTC'
       FROM saved, adding WHERE $7::text IS NOT NULL
     )
     SELECT greatest(coalesce((SELECT "quantity" FROM saved), 0)
         - coalesce((SELECT "quantity" FROM line), 0), 0) AS "added",
       coalesce((SELECT "id" FROM saved), (SELECT "id" FROM line)) AS "lineId",
       coalesce((SELECT "quantity" FROM saved), (SELECT "quantity" FROM line), 0) AS "quantity"`,
    [newId(), key.userId, key.productId, key.variant, wanted, MAX_QUANTITY, sourceTweetId],
  );
  return result!;
}
