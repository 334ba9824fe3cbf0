import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";
import { SEND_ORDER_EMAIL } from "@/lib/jobs/queues";
import { lockCart } from "@/lib/replies/add-to-cart";
import { isShopOrigin } from "./check-origin";
import {
  addedMessage,
  describeLineChange,
  removedMessage,
  type CheckoutChange,
} from "./describe-changes";
import { lineProblem, quantitiesByProduct } from "./get-checkout-review";
import { reviewHash } from "./review-hash";
import {
  countryOf,
  isShippingMarketplace,
  shippingAddressSchema,
  type ShippingAddress,
} from "./shipping-address";

const parseJson = (value: unknown) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/** The confirm request: the review it confirms (sent as JSON by the form) and the address. */
export const confirmCheckoutSchema = z.object({
  marketplace: z.string().max(8),
  // Generated for each review the shop renders; a retry of the same confirmation repeats it.
  idempotencyKey: z.uuid(),
  reviewed: z.preprocess(
    parseJson,
    z
      .array(
        z.object({
          lineId: z.string().min(1).max(64),
          productId: z.string().min(1).max(64),
          quantity: z.int().min(1).max(10),
          unitPriceMinor: z.int().min(0).max(100_000_000),
        }),
      )
      .min(1)
      .max(100)
      .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length),
  ),
});

export type AddressErrors = Partial<Record<string, string>>;

export type ConfirmResult =
  | { status: "ordered"; orderId: string; replayed: boolean }
  | { status: "changed"; changes: CheckoutChange[] }
  | { status: "invalid_address"; fieldErrors: AddressErrors }
  | {
      status: "rejected";
      reason: "origin" | "bad_request" | "key_reused";
      message: string;
      orderId?: string;
    };

// 100 confirmations of one review queue on the shopper's cart lock, each holding a connection.
const CONFIRM_TRANSACTION = { maxWait: 30_000, timeout: 30_000 };

type LockedLine = {
  id: string;
  productId: string;
  variant: string;
  quantity: number;
  title: string;
  priceMinor: number;
  stock: number;
  active: boolean;
};

/**
 * Places the order of one marketplace's cart lines as the shopper reviewed them, exactly once
 * per review. In one transaction, under the cart lock and row locks on the lines and products:
 * a replay of the same review returns its order; anything changed since the review (price,
 * quantity, stock, lines added or gone) orders nothing and says what changed; otherwise stock
 * goes down, the order is written with its price snapshots, the lines' reply sources move to
 * the order, the lines go, the address is remembered and the confirmation email is queued.
 */
export async function confirmCheckout(
  request: { userId: string; origin: string | null | undefined; appUrl: string; input: unknown },
  db: PrismaClient = appDb,
): Promise<ConfirmResult> {
  if (!isShopOrigin(request.origin, request.appUrl))
    return {
      status: "rejected",
      reason: "origin",
      message: "This confirmation did not come from the shop's checkout page. Nothing was ordered.",
    };
  const parsed = confirmCheckoutSchema.safeParse(request.input);
  if (!parsed.success || !isShippingMarketplace(parsed.data.marketplace))
    return {
      status: "rejected",
      reason: "bad_request",
      message: "This checkout page is out of date. Reload it, review and confirm again.",
    };
  const { marketplace: code, idempotencyKey, reviewed } = parsed.data;
  const address = shippingAddressSchema(code).safeParse(request.input);
  if (!address.success) {
    const fieldErrors: AddressErrors = {};
    for (const issue of address.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { status: "invalid_address", fieldErrors };
  }
  const { userId } = request;
  const hash = reviewHash(code, reviewed);
  const shipTo: ShippingAddress = { ...address.data, country: countryOf(code) };

  return db.$transaction(async (tx) => {
    await lockCart(tx, userId);
    const earlier = await tx.order.findUnique({
      where: { userId_idempotencyKey: { userId, idempotencyKey } },
      select: { id: true, cartHash: true },
    });
    if (earlier)
      return earlier.cartHash === hash
        ? { status: "ordered", orderId: earlier.id, replayed: true }
        : {
            status: "rejected",
            reason: "key_reused",
            orderId: earlier.id,
            message:
              "This checkout page already placed an order, for a different cart. Nothing more was ordered: review your cart again.",
          };

    const marketplace = await tx.marketplace.findUniqueOrThrow({ where: { code } });
    const lines = await tx.$queryRaw<LockedLine[]>`
      SELECT c.id, c."productId", c.variant, c.quantity, p.title, p."priceMinor", p.stock, p.active
      FROM "CartItem" c JOIN "Product" p ON p.id = c."productId"
      WHERE c."userId" = ${userId} AND p."marketplaceId" = ${marketplace.id}
      ORDER BY p.id, c.id
      FOR UPDATE OF c, p`;

    const changes = findChanges(reviewed, lines, marketplace.currency);
    const gone = reviewed.filter((line) => !lines.some((now) => now.id === line.lineId));
    if (gone.length) {
      const products = await tx.product.findMany({
        where: { id: { in: gone.map((line) => line.productId) } },
        select: { id: true, title: true },
      });
      for (const line of gone) {
        const title = products.find((product) => product.id === line.productId)?.title;
        changes.push({ lineId: line.lineId, message: removedMessage(title ?? "An item") });
      }
    }
    if (changes.length) return { status: "changed", changes };

    for (const [productId, quantity] of quantitiesByProduct(lines))
      await tx.product.update({
        where: { id: productId },
        data: { stock: { decrement: quantity } },
      });
    const order = await tx.order.create({
      data: {
        userId,
        marketplaceId: marketplace.id,
        currency: marketplace.currency,
        totalMinor: lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0),
        idempotencyKey,
        cartHash: hash,
        shippingAddress: shipTo,
        items: {
          create: lines.map((line) => ({
            productId: line.productId,
            title: line.title,
            variant: line.variant,
            unitPriceMinor: line.priceMinor,
            quantity: line.quantity,
          })),
        },
      },
      include: { items: { select: { id: true, productId: true, variant: true } } },
    });
    for (const line of lines) {
      const item = order.items.find(
        (candidate) => candidate.productId === line.productId && candidate.variant === line.variant,
      )!;
      await tx.cartItemSource.updateMany({
        where: { cartItemId: line.id },
        data: { cartItemId: null, orderItemId: item.id },
      });
    }
    await tx.cartItem.deleteMany({ where: { userId, id: { in: lines.map((line) => line.id) } } });
    const saved = address.data;
    await tx.shippingAddress.upsert({
      where: { userId_marketplaceId: { userId, marketplaceId: marketplace.id } },
      create: { userId, marketplaceId: marketplace.id, ...saved },
      update: saved,
    });
    // Committed with the order: the email goes out only for an order that exists.
    await enqueue(tx, [
      { name: SEND_ORDER_EMAIL, data: { orderId: order.id }, singletonKey: order.id },
    ]);
    return { status: "ordered", orderId: order.id, replayed: false };
  }, CONFIRM_TRANSACTION);
}

/** What differs between the review and the locked lines, but for reviewed lines now gone. */
function findChanges(
  reviewed: { lineId: string; quantity: number; unitPriceMinor: number }[],
  lines: LockedLine[],
  currency: string,
): CheckoutChange[] {
  const wanted = quantitiesByProduct(lines);
  const changes: CheckoutChange[] = [];
  for (const line of reviewed) {
    const now = lines.find((candidate) => candidate.id === line.lineId);
    if (!now) continue;
    const message = describeLineChange(
      line,
      {
        title: now.title,
        quantity: now.quantity,
        unitPriceMinor: now.priceMinor,
        stock: now.stock,
        problem: lineProblem(now, wanted.get(now.productId) ?? now.quantity),
      },
      currency,
    );
    if (message) changes.push({ lineId: line.lineId, message });
  }
  for (const line of lines)
    if (!reviewed.some((candidate) => candidate.lineId === line.id))
      changes.push({ lineId: line.id, message: addedMessage(line.title) });
  return changes;
}
