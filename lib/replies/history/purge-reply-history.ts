import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";

/**
 * "Delete my reply history": forgets what the shopper's replies said (their text and X's raw
 * JSON) and keeps the rows themselves, so outcomes, the cart's provenance and the bot's
 * one-answer-per-reply rule still hold. Replies still being processed are left until they are
 * done: the processor reads the hashtags from the raw JSON. Returns how many were purged.
 */
export async function purgeReplyHistory(
  userId: string,
  db: Pick<PrismaClient, "tweetEvent"> = appDb,
): Promise<{ purged: number }> {
  const { count } = await db.tweetEvent.updateMany({
    where: {
      userId,
      status: { not: "RECEIVED" },
      OR: [{ text: { not: null } }, { raw: { not: Prisma.DbNull } }],
    },
    data: { text: null, raw: Prisma.DbNull },
  });
  return { purged: count };
}
