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

export type SourcedAdd = { key: LineKey; wanted: number; sourceTweetId: string };

/**
 * addToCartLine for many lines at once, each with the reply it came from: one statement for a
 * whole batch of replies instead of one per reply. Each line at most once (Postgres cannot
 * update one row twice in a statement): a second add to the same line goes through
 * addToCartLine after this. The same caps, and the same lock rule: the caller holds every
 * cart's lock.
 */
export async function addToCartLines(sql: Sql, adds: SourcedAdd[]): Promise<void> {
  if (!adds.length) return;
  const column = <T>(pick: (add: SourcedAdd) => T) => adds.map(pick);
  await sql.execute(
    `WITH wanted AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[])
         AS w("id", "userId", "productId", "variant", "wanted", "tweetId")
     ), adding AS (
       SELECT w.*, least(w."wanted", $7::int - coalesce(l."quantity", 0)) AS "n"
       FROM wanted w LEFT JOIN "CartItem" l
         ON l."userId" = w."userId" AND l."productId" = w."productId" AND l."variant" = w."variant"
     ), saved AS (
       INSERT INTO "CartItem" ("id", "userId", "productId", "variant", "quantity",
         "addedPriceMinor", "createdAt", "updatedAt")
       SELECT a."id", a."userId", a."productId", a."variant", a."n", p."priceMinor",
         now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM adding a JOIN "Product" p ON p."id" = a."productId" WHERE a."n" > 0
       ON CONFLICT ("userId", "productId", "variant") DO UPDATE
         SET "quantity" = "CartItem"."quantity" + EXCLUDED."quantity",
             "updatedAt" = EXCLUDED."updatedAt"
       RETURNING "id", "userId", "productId", "variant"
     )
     INSERT INTO "CartItemSource" ("tweetId", "cartItemId", "quantity", "createdAt")
     SELECT a."tweetId", s."id", a."n", now() AT TIME ZONE 'UTC'
     FROM saved s JOIN adding a
       ON a."userId" = s."userId" AND a."productId" = s."productId" AND a."variant" = s."variant"`,
    [
      column(() => newId()),
      column((add) => add.key.userId),
      column((add) => add.key.productId),
      column((add) => add.key.variant),
      column((add) => add.wanted),
      column((add) => add.sourceTweetId),
      MAX_QUANTITY,
    ],
  );
}
