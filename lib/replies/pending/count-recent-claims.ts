import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";

export const RECENT_CLAIM_MINUTES = 15;

/**
 * How many items from replies made before linking landed in the shopper's cart within the last
 * few minutes (pending adds they claimed by linking X), for the note on /account.
 */
export async function countRecentClaims(
  userId: string,
  now: Date = new Date(),
  db: Pick<PrismaClient, "pendingAdd"> = appDb,
): Promise<number> {
  const since = new Date(now.getTime() - RECENT_CLAIM_MINUTES * 60_000);
  const { _sum } = await db.pendingAdd.aggregate({
    where: { claimedById: userId, status: "CLAIMED", settledAt: { gte: since } },
    _sum: { quantity: true },
  });
  return _sum.quantity ?? 0;
}
