import type { ReplyOutcome } from "@/lib/generated/prisma/client";
import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import type { CartChange } from "./cart-change";

// One channel for every shopper, the user's id in the payload: each web process holds a single
// LISTEN connection (lib/live/cart-event-hub.ts) and fans out to its own open streams, so the
// cost is one connection per process, however many shoppers watch, and any process may serve
// any shopper. A channel per shopper would need a LISTEN per watched shopper on every process.
export const CART_EVENTS_CHANNEL = "replycart_cart_events";

/** How many items a notification names; the rest are counted (Postgres caps a payload at 8000 bytes). */
const NAMED_ITEMS = 3;

// One notification per shopper, sent by Postgres only if the transaction commits. Titles are cut
// to 80 characters so the payload stays well under the cap.
const NOTIFY_CART_CHANGES = statement(
  `WITH item AS (
     SELECT i."userId", left(p."title", 80) AS "title", i."quantity", nullif(i."size", '') AS "size",
       row_number() OVER (PARTITION BY i."userId" ORDER BY i."n") AS "rank"
     FROM unnest($3::text[], $4::text[], $5::int[], $6::text[]) WITH ORDINALITY
       AS i("userId", "productId", "quantity", "size", "n")
     JOIN "Product" p ON p."id" = i."productId"
     WHERE i."quantity" > 0
   )
   SELECT pg_notify($1, json_build_object(
       'userId', u."userId",
       'kind', $2::text,
       'items', coalesce((SELECT json_agg(json_build_object(
           'title', i."title", 'quantity', i."quantity", 'size', i."size") ORDER BY i."rank")
         FROM item i WHERE i."userId" = u."userId" AND i."rank" <= $7::int), '[]'::json),
       'more', (SELECT count(*) FROM item i WHERE i."userId" = u."userId" AND i."rank" > $7::int)
     )::text)
   FROM (SELECT DISTINCT unnest($3::text[] || $8::text[]) AS "userId") u`,
);

/** A product that entered (or left) a shopper's cart: `size` as the product spells it, or "". */
export type CartChangeLine = { userId: string; productId: string; quantity: number; size: string };

/**
 * Tells the web servers, when the transaction running `sql` commits, that these shoppers' carts
 * or replies changed: each shopper in `lines` or `users` gets one notification naming their lines.
 */
export async function notifyCartChanges(
  sql: Sql,
  kind: CartChange["kind"],
  lines: CartChangeLine[],
  users: string[] = [],
): Promise<void> {
  if (!lines.length && !users.length) return;
  await sql.execute(NOTIFY_CART_CHANGES, [
    CART_EVENTS_CHANNEL,
    kind,
    lines.map((line) => line.userId),
    lines.map((line) => line.productId),
    lines.map((line) => line.quantity),
    lines.map((line) => line.size),
    NAMED_ITEMS,
    users,
  ]);
}

type CommittedReply = {
  userId: string | null;
  outcome: ReplyOutcome;
  productId: string | null;
  quantity: number | null;
  size: string | null;
};

/**
 * The processor's batch, committed: every linked shopper whose reply was decided hears of it
 * (My replies shows the outcome), with what their added replies put in the cart.
 */
export function notifyRepliesCommitted(sql: Sql, replies: CommittedReply[]): Promise<void> {
  const lines = replies.flatMap(({ userId, outcome, productId, quantity, size }) =>
    userId && outcome === "ADDED" && productId && quantity
      ? [{ userId, productId, quantity, size: size ?? "" }]
      : [],
  );
  const users = replies.flatMap(({ userId }) => (userId ? [userId] : []));
  return notifyCartChanges(sql, "reply", lines, users);
}
