import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";

/** How many of the bot's answers wait to be posted at X. */
export function countWaitingReplies(db: Pick<PrismaClient, "outboundReply"> = appDb) {
  return db.outboundReply.count({ where: { status: "PENDING" } });
}
