import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";

export const ORDERS_PAGE_SIZE = 20;

/**
 * The keyset condition for "older than the order `before` names", by time then id (orders of the
 * same millisecond), so orders placed meanwhile never shift or repeat rows across pages. Null
 * when `before` names no order visible under `where`: a mangled link, not an empty page.
 */
export async function olderThan(
  db: Pick<PrismaClient, "order">,
  before: string | undefined,
  where: Prisma.OrderWhereInput,
): Promise<Prisma.OrderWhereInput | null> {
  if (!before) return {};
  const cursor = /^[a-z0-9]{1,64}$/.test(before)
    ? await db.order.findFirst({
        where: { ...where, id: before },
        select: { id: true, createdAt: true },
      })
    : null;
  if (!cursor) return null;
  return {
    OR: [
      { createdAt: { lt: cursor.createdAt } },
      { createdAt: cursor.createdAt, id: { lt: cursor.id } },
    ],
  };
}

/**
 * One page of the shopper's orders, newest first, with how many items each holds; `before` is
 * the last order of the previous page.
 */
export async function listOrders(
  userId: string,
  { before, pageSize = ORDERS_PAGE_SIZE }: { before?: string; pageSize?: number } = {},
  db: PrismaClient = appDb,
) {
  const older = await olderThan(db, before, { userId });
  if (!older) return { found: false as const };
  const rows = await db.order.findMany({
    where: { userId, ...older },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
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
  const orders = rows.slice(0, pageSize).map(({ items, ...order }) => ({
    ...order,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    titles: items.map((item) => item.title),
  }));
  return {
    found: true as const,
    orders,
    olderCursor: rows.length > pageSize ? orders.at(-1)!.id : null,
  };
}

export type OrderSummary = Extract<
  Awaited<ReturnType<typeof listOrders>>,
  { found: true }
>["orders"][number];
