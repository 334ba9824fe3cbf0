import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storedAddressSchema } from "@/lib/checkout/shipping-address";
import { db as appDb } from "@/lib/database/db";
import { adminOrderRow, ADMIN_ORDER_ROW } from "./list-admin-orders";

const orderIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+$/);

/**
 * One order as the console shows it: its lines at their ordered prices, for each line the
 * replies that put it in the cart, the address, the confirmation email's state and the
 * timeline of everything that happened to it. Null for no such order.
 */
export async function getAdminOrder(orderId: string, db: PrismaClient = appDb) {
  if (!orderIdSchema.safeParse(orderId).success) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      ...ADMIN_ORDER_ROW,
      marketplace: { select: { code: true, name: true } },
      shippingAddress: true,
      emailClaimedAt: true,
      emailSentAt: true,
      carrier: true,
      trackingNumber: true,
      cancelReason: true,
      items: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          productId: true,
          title: true,
          variant: true,
          unitPriceMinor: true,
          quantity: true,
          sources: { select: { tweetId: true, quantity: true }, orderBy: { createdAt: "asc" } },
          _count: { select: { sources: true } },
        },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          actorEmail: true,
          data: true,
          emailSentAt: true,
          createdAt: true,
        },
      },
    },
  });
  if (!order) return null;
  const tweetIds = order.items.flatMap((item) => item.sources.map((source) => source.tweetId));
  const replies = tweetIds.length
    ? await db.tweetEvent.findMany({
        where: { tweetId: { in: tweetIds } },
        select: {
          tweetId: true,
          latestTweetId: true,
          authorUsername: true,
          text: true,
          postedAt: true,
          receivedAt: true,
          deletedAt: true,
        },
      })
    : [];
  return {
    ...adminOrderRow(order),
    storeName: order.marketplace.name,
    shippingAddress: storedAddressSchema.parse(order.shippingAddress),
    emailClaimedAt: order.emailClaimedAt,
    emailSentAt: order.emailSentAt,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    cancelReason: order.cancelReason,
    lines: order.items.map(({ sources, ...item }) => ({
      ...item,
      replies: sources.map((source) => {
        const reply = replies.find((candidate) => candidate.tweetId === source.tweetId);
        return {
          tweetId: source.tweetId,
          quantity: source.quantity,
          latestTweetId: reply?.latestTweetId ?? source.tweetId,
          authorUsername: reply?.authorUsername ?? null,
          // Purged when its author deleted it: the page says so instead.
          text: reply?.deletedAt ? null : (reply?.text ?? null),
          deleted: Boolean(reply?.deletedAt),
          at: reply?.postedAt ?? reply?.receivedAt ?? null,
        };
      }),
    })),
    events: order.events,
  };
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;
