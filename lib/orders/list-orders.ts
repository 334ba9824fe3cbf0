import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";

const PAGE = 50;

/** The shopper's latest orders, newest first, with how many items each holds. */
export async function listOrders(userId: string, db: PrismaClient = appDb) {
  const orders = await db.order.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: PAGE,
    select: {
      id: true,
      createdAt: true,
      status: true,
      currency: true,
      totalMinor: true,
      marketplace: { select: { name: true } },
      items: { select: { title: true, quantity: true } },
    },
  });
  return orders.map(({ items, ...order }) => ({
    ...order,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    titles: items.map((item) => item.title),
  }));
}

export type OrderSummary = Awaited<ReturnType<typeof listOrders>>[number];
