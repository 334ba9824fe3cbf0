import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";

/** How many items are in the shopper's cart: the sum of its lines' quantities. */
export async function countCartItems(
  userId: string,
  db: Pick<PrismaClient, "cartItem"> = appDb,
): Promise<number> {
  const { _sum } = await db.cartItem.aggregate({ where: { userId }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}
