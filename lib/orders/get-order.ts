import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";
import { storedAddressSchema } from "@/lib/checkout/shipping-address";

// Ids Prisma makes are cuids; anything else is no order and never becomes a query.
const orderIdSchema = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+$/);

/**
 * One of the shopper's orders, with its lines and how many of each came from replies; null for
 * an order that is not theirs, or not an order at all.
 */
export async function getOrder(userId: string, orderId: string, db: PrismaClient = appDb) {
  if (!orderIdSchema.safeParse(orderId).success) return null;
  const order = await db.order.findFirst({
    where: { id: orderId, userId },
    include: {
      marketplace: { select: { code: true, name: true } },
      user: { select: { email: true } },
      items: {
        orderBy: { id: "asc" },
        include: {
          product: { select: { imageUrl: true } },
          sources: { select: { quantity: true } },
        },
      },
    },
  });
  if (!order) return null;
  const { items, shippingAddress, user, ...rest } = order;
  return {
    ...rest,
    email: user.email,
    shippingAddress: storedAddressSchema.parse(shippingAddress),
    items: items.map(({ sources, product, ...item }) => ({
      ...item,
      imageUrl: product.imageUrl,
      fromReplies: Math.min(
        item.quantity,
        sources.reduce((sum, source) => sum + source.quantity, 0),
      ),
    })),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrder>>>;
