import type { PrismaClient, ProductVariant } from "@/lib/generated/prisma/client";
import { lockCarts } from "@/lib/cart/lock-cart";
import { db as appDb } from "@/lib/database/db";
import { enqueue } from "@/lib/jobs/enqueue";
import { SEND_ORDER_EMAIL } from "@/lib/jobs/queues";
import { refuse, type Refusal } from "@/lib/actions/result";
import { confirmCheckoutSchema } from "./confirm-input";
import {
  findChanges,
  orderedMessage,
  removedMessage,
  type CheckoutChange,
  type CurrentLine,
} from "./describe-changes";
import { reviewHash } from "./review-hash";
import { orderNumber } from "@/lib/orders/order-number";
import { moveOrderStock } from "@/lib/orders/move-order-stock";
import { countryOf, isShippingMarketplace, shippingAddressSchema } from "./shipping-address";
import { prismaSql, type Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

export type AddressErrors = Partial<Record<string, string>>;

export type ConfirmResult =
  | { ok: true; orderId: string; replayed: boolean }
  | (Refusal<"changed"> & { changes: CheckoutChange[] })
  | (Refusal<"invalid_address"> & { fieldErrors: AddressErrors })
  | (Refusal<"bad_request" | "key_reused" | "busy"> & { orderId?: string });

// Confirmations of one review queue on the shopper's cart lock, each holding a connection of the
// pool; a wait past the lock timeout gives the connection back and says so.
const CONFIRM_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };
// SET LOCAL, as a function so that it can be prepared (and checked) like every statement.
const SET_LOCK_TIMEOUT = statement(`SELECT set_config('lock_timeout', '5s', true)`);
// The lock order: the cart lock, then the lines and their products, then their variants, each
// kind in a fixed order. NO KEY UPDATE: other shoppers' new cart lines may still reference these
// products, and history rows these variants.
const LOCK_LINES = statement<Omit<CurrentLine, "variantId" | "stock">>(
  `SELECT c.id, c."productId", c.variant, c.quantity, p.title, p."priceMinor", p.active
   FROM "CartItem" c JOIN "Product" p ON p.id = c."productId"
   WHERE c."userId" = $1 AND p."marketplaceId" = $2
   ORDER BY p.id, c.id
   FOR NO KEY UPDATE OF c, p`,
);
// The lines' variants (a line whose size no longer exists has none), locked in id order as
// moveOrderStock changes them; read after the lock, so the stock is the latest committed.
const LOCK_VARIANTS = statement<Pick<ProductVariant, "id" | "productId" | "name" | "stock">>(
  `SELECT v.id, v."productId", v.name, v.stock
   FROM "ProductVariant" v
   JOIN unnest($1::text[], $2::text[]) AS l("productId", "name")
     ON v."productId" = l."productId" AND v.name = l.name
   ORDER BY v.id COLLATE "C"
   FOR NO KEY UPDATE OF v`,
);
const LOCK_NOT_AVAILABLE = "55P03";

type Db = Pick<PrismaClient, "order" | "$transaction">;

/**
 * Places the order of one marketplace's cart lines as the shopper reviewed them, exactly once
 * per review. In one transaction, under the cart lock and row locks on the lines, their products
 * and their sizes (variants):
 * a replay of the same review returns its order; anything changed since the review (price,
 * quantity, a size's stock, lines added or gone) orders nothing and says what changed;
 * otherwise the order is written with its price snapshots, each size's stock goes down with a
 * history row naming the order, the lines' reply sources move to the order, the lines go, the
 * address is remembered and the confirmation email is queued.
 */
export async function confirmCheckout(
  request: { userId: string; input: unknown },
  db: Db = appDb,
): Promise<ConfirmResult> {
  const parsed = confirmCheckoutSchema.safeParse(request.input);
  if (!parsed.success || !isShippingMarketplace(parsed.data.marketplace))
    return refuse(
      "bad_request",
      "This checkout page is out of date. Reload it, review and confirm again.",
    );
  const { marketplace: code, idempotencyKey, reviewed } = parsed.data;
  const address = shippingAddressSchema(code).safeParse(request.input);
  if (!address.success) {
    const fieldErrors: AddressErrors = {};
    for (const issue of address.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return refuse("invalid_address", "Check your address: nothing was ordered.", { fieldErrors });
  }
  const { userId } = request;
  const hash = reviewHash(code, reviewed);
  const earlierResult = (earlier: { id: string; cartHash: string } | null) =>
    earlier && (earlier.cartHash === hash ? replayed(earlier.id) : reused(earlier.id));
  const byKey = { userId_idempotencyKey: { userId, idempotencyKey } };

  // A repeated confirmation needs no lock: answer it without holding a connection in a queue.
  const done = await db.order.findUnique({ where: byKey, select: { id: true, cartHash: true } });
  if (done) return earlierResult(done)!;

  try {
    return await db.$transaction(async (tx) => {
      await prismaSql(tx).execute(SET_LOCK_TIMEOUT);
      await lockCarts(prismaSql(tx), [userId]);
      const earlier = earlierResult(
        await tx.order.findUnique({ where: byKey, select: { id: true, cartHash: true } }),
      );
      if (earlier) return earlier;

      const marketplace = await tx.marketplace.findUniqueOrThrow({ where: { code } });
      const lines = await lockLines(prismaSql(tx), userId, marketplace.id);

      const changes = findChanges(reviewed, lines, marketplace.currency);
      const gone = reviewed.filter((line) => !lines.some((now) => now.id === line.lineId));
      if (gone.length) changes.push(...(await goneLines(tx, userId, gone)));
      if (changes.length)
        return refuse("changed", "Nothing was ordered: your cart changed since you reviewed it.", {
          changes,
        });

      const order = await tx.order.create({
        data: {
          userId,
          marketplaceId: marketplace.id,
          currency: marketplace.currency,
          totalMinor: lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0),
          idempotencyKey,
          cartHash: hash,
          shippingAddress: { ...address.data, country: countryOf(code) },
          items: {
            create: lines.map((line) => ({
              productId: line.productId,
              title: line.title,
              variant: line.variant,
              unitPriceMinor: line.priceMinor,
              quantity: line.quantity,
              cartLineId: line.id,
            })),
          },
        },
        include: { items: { select: { id: true, productId: true, variant: true } } },
      });
      await tx.orderEvent.create({
        data: { orderId: order.id, kind: "PLACED", actorId: userId, createdAt: order.createdAt },
        select: { id: true },
      });
      // Every line has a variant here: one without would have been a change (out of stock).
      await moveOrderStock(
        prismaSql(tx),
        { orderId: order.id, reason: "ORDER", actor: { id: userId, email: null } },
        lines.map((line) => ({ variantId: line.variantId!, quantity: line.quantity })),
      );
      for (const line of lines) {
        const item = order.items.find(
          (candidate) =>
            candidate.productId === line.productId && candidate.variant === line.variant,
        )!;
        await tx.cartItemSource.updateMany({
          where: { cartItemId: line.id },
          data: { cartItemId: null, orderItemId: item.id },
        });
      }
      await tx.cartItem.deleteMany({ where: { userId, id: { in: lines.map((line) => line.id) } } });
      await tx.shippingAddress.upsert({
        where: { userId_marketplaceId: { userId, marketplaceId: marketplace.id } },
        create: { userId, marketplaceId: marketplace.id, ...address.data },
        update: address.data,
      });
      // Committed with the order: the email goes out only for an order that exists.
      await enqueue(prismaSql(tx), [
        { name: SEND_ORDER_EMAIL, data: { orderId: order.id }, singletonKey: order.id },
      ]);
      return { ok: true, orderId: order.id, replayed: false } satisfies ConfirmResult;
    }, CONFIRM_TRANSACTION);
  } catch (error) {
    if (!isLockTimeout(error)) throw error;
    return refuse(
      "busy",
      "Your cart is being changed elsewhere right now. Nothing was ordered: confirm again in a moment.",
    );
  }
}

/** The shopper's lines in one marketplace with their products and variants, all locked. */
async function lockLines(sql: Sql, userId: string, marketplaceId: string): Promise<CurrentLine[]> {
  const lines = await sql.query(LOCK_LINES, [userId, marketplaceId]);
  const variants = await sql.query(LOCK_VARIANTS, [
    lines.map((line) => line.productId),
    lines.map((line) => line.variant),
  ]);
  return lines.map((line) => {
    const variant = variants.find(
      (candidate) => candidate.productId === line.productId && candidate.name === line.variant,
    );
    return { ...line, variantId: variant?.id ?? null, stock: variant?.stock ?? 0 };
  });
}

/**
 * Reviewed lines no longer in the cart, each said as what became of it: ordered by this shopper
 * (another tab confirmed first: named with its order), or just gone.
 */
async function goneLines(
  tx: Pick<PrismaClient, "product" | "orderItem">,
  userId: string,
  gone: { lineId: string; productId: string }[],
): Promise<CheckoutChange[]> {
  const products = await tx.product.findMany({
    where: { id: { in: gone.map((line) => line.productId) } },
    select: { id: true, title: true },
  });
  const ordered = await tx.orderItem.findMany({
    where: { cartLineId: { in: gone.map((line) => line.lineId) }, order: { userId } },
    select: { cartLineId: true, orderId: true },
  });
  return gone.map((line) => {
    const title = products.find((product) => product.id === line.productId)?.title ?? "An item";
    const orderId = ordered.find((item) => item.cartLineId === line.lineId)?.orderId;
    if (!orderId) return { lineId: line.lineId, message: removedMessage(title) };
    const number = orderNumber(orderId);
    return {
      lineId: line.lineId,
      message: orderedMessage(title, number),
      order: { id: orderId, number },
    };
  });
}

const replayed = (orderId: string): ConfirmResult => ({ ok: true, orderId, replayed: true });

const reused = (orderId: string): ConfirmResult =>
  refuse(
    "key_reused",
    "This checkout page already placed an order, for a different cart. Nothing more was ordered: review your cart again.",
    { orderId },
  );

/** Postgres's lock_timeout, however the driver adapter wraps it. */
function isLockTimeout(error: unknown): boolean {
  for (let cause = error; cause && typeof cause === "object";) {
    const record = cause as { code?: unknown; originalCode?: unknown; cause?: unknown };
    if (record.code === LOCK_NOT_AVAILABLE || record.originalCode === LOCK_NOT_AVAILABLE)
      return true;
    cause = record.cause;
  }
  return String((error as Error)?.message ?? "").includes("lock timeout");
}
