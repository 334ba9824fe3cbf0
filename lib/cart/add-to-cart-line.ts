import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import type { CartItem } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/database/new-id";
import { MAX_QUANTITY } from "./max-quantity";

type LineKey = { userId: string; productId: string; variant: string };

export type LineAdd = {
  /** How many went in: fewer than wanted at the stock or the line's cap, 0 when at it already. */
  added: number;
  /** The line (null when nothing went in and there was none) and its quantity now. */
  lineId: CartItem["id"] | null;
  quantity: CartItem["quantity"];
  /**
   * Why fewer went in than wanted: the line now holds all the stock there is, or the most one
   * line holds (10). Null when all went in.
   */
  limitedBy: "stock" | "line" | null;
};

// A line never holds more than its variant's stock (the size's; the product's one variant when
// it has none) nor more than $7; what went in is read from the saved line: nothing, when the
// product or the size was not there.
const ADD_TO_LINES = statement<LineAdd>(
  `WITH wanted AS (
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[])
       WITH ORDINALITY AS w("id", "userId", "productId", "variant", "wanted", "tweetId", "ord")
   ), room AS (
     SELECT w.*, l."id" AS "lineId", coalesce(l."quantity", 0) AS "before",
       coalesce(v."stock", 0) - coalesce(l."quantity", 0) AS "stockRoom",
       $7::int - coalesce(l."quantity", 0) AS "lineRoom"
     FROM wanted w
       LEFT JOIN "ProductVariant" v ON v."productId" = w."productId" AND v."name" = w."variant"
       LEFT JOIN "CartItem" l
         ON l."userId" = w."userId" AND l."productId" = w."productId" AND l."variant" = w."variant"
   ), adding AS (
     SELECT r.*, least(r."wanted", r."stockRoom", r."lineRoom") AS "n" FROM room r
   ), saved AS (
     INSERT INTO "CartItem" ("id", "userId", "productId", "variant", "quantity",
       "addedPriceMinor", "createdAt", "updatedAt")
     SELECT a."id", a."userId", a."productId", a."variant", a."n", p."priceMinor",
       now(), now()
     FROM adding a JOIN "Product" p ON p."id" = a."productId" WHERE a."n" > 0
     ON CONFLICT ("userId", "productId", "variant") DO UPDATE
       SET "quantity" = "CartItem"."quantity" + EXCLUDED."quantity",
           "updatedAt" = EXCLUDED."updatedAt"
     RETURNING "id", "userId", "productId", "variant", "quantity"
   ), source AS (
     INSERT INTO "CartItemSource" ("tweetId", "cartItemId", "quantity", "createdAt")
     SELECT a."tweetId", s."id", a."n", now()
     FROM saved s JOIN adding a
       ON a."userId" = s."userId" AND a."productId" = s."productId" AND a."variant" = s."variant"
     WHERE a."tweetId" IS NOT NULL
   )
   SELECT greatest(coalesce(s."quantity", 0) - a."before", 0) AS "added",
     coalesce(s."id", a."lineId") AS "lineId",
     coalesce(s."quantity", a."before") AS "quantity",
     CASE WHEN a."n" >= a."wanted" THEN NULL
          WHEN a."stockRoom" <= a."lineRoom" THEN 'stock' ELSE 'line' END AS "limitedBy"
   FROM adding a LEFT JOIN saved s
     ON s."userId" = a."userId" AND s."productId" = a."productId" AND s."variant" = a."variant"
   ORDER BY a."ord"`,
);

/** Up to `wanted` more of a product and size for a shopper's line, with the reply it came from. */
export type CartLineAdd = { key: LineKey; wanted: number; sourceTweetId: string | null };

/**
 * Adds up to `wanted` to the shopper's line for a product and size, never past 10 nor past the
 * size's stock (a line the shopper cannot check out is a promise we cannot keep), or creates
 * the line, noting the product's price then so the cart can tell when it changes. With a
 * `sourceTweetId`, the reply is recorded as a source of what it added. One statement, so the
 * caller must hold the cart lock (lockCarts) from an earlier statement: this one's snapshot
 * then sees every change made before the lock was granted.
 */
export async function addToCartLine(
  sql: Sql,
  key: LineKey,
  wanted: number,
  sourceTweetId: string | null = null,
): Promise<LineAdd> {
  const [result] = await addToCartLines(sql, [{ key, wanted, sourceTweetId }]);
  return result!;
}

/**
 * addToCartLine for many lines in one statement (a batch of replies in the worker), each
 * line's result in the order given. Each line at most once: Postgres cannot update a row twice
 * in one statement, so a second add to the same line is the caller's next statement. The same
 * lock rule: the caller holds every cart's lock.
 */
export async function addToCartLines(sql: Sql, adds: CartLineAdd[]): Promise<LineAdd[]> {
  if (!adds.length) return [];
  const column = <T>(pick: (add: CartLineAdd) => T) => adds.map(pick);
  return sql.query(ADD_TO_LINES, [
    column(() => newId()),
    column((add) => add.key.userId),
    column((add) => add.key.productId),
    column((add) => add.key.variant),
    column((add) => add.wanted),
    column((add) => add.sourceTweetId),
    MAX_QUANTITY,
  ]);
}
