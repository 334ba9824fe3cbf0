import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Marks pending adds whose X user did not link in time as expired; returns how many. */
export async function expirePendingAdds(db: PrismaClient, now: Date = new Date()) {
  const { count } = await db.pendingAdd.updateMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    data: { status: "EXPIRED", settledAt: now },
  });
  return count;
}
