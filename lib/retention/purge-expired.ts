import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RetentionSettings } from "./retention-settings";

// Each statement changes at most BATCH rows and commits on its own, so a large backlog (the
// first run on an old database) never holds many row locks or one long transaction. Rows in use
// (locked by a worker or a page's transaction) are skipped and caught on the next run.
// "TweetEvent"."receivedAt" is a timestamp without zone written in UTC; the other clocks here
// are timestamptz.
const BATCH = 5000;

export type PurgeCounts = {
  ignoredTexts: number;
  replyTexts: number;
  rateLimits: number;
  tombstones: number;
  versions: number;
  parentPosts: number;
  pendingAdds: number;
  botAnswers: number;
};

async function inBatches(statement: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const changed = await statement();
    total += changed;
    if (changed < BATCH) return total;
  }
}

/** Strangers' texts and raw JSON (replies that asked for nothing) go first. */
const purgeIgnoredTexts = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      UPDATE "TweetEvent" SET "text" = NULL, "raw" = NULL
      WHERE ctid IN (
        SELECT ctid FROM "TweetEvent"
        WHERE "outcome" = 'IGNORED' AND ("text" IS NOT NULL OR "raw" IS NOT NULL)
          AND "receivedAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/**
 * Every processed reply's text and raw JSON; its outcome, product, quantity, size and cart
 * source stay, so the funnel and "My replies" keep working. A reply not processed yet keeps its
 * text: its job reads it.
 */
const purgeReplyTexts = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      UPDATE "TweetEvent" SET "text" = NULL, "raw" = NULL
      WHERE ctid IN (
        SELECT ctid FROM "TweetEvent"
        WHERE "status" <> 'RECEIVED' AND ("text" IS NOT NULL OR "raw" IS NOT NULL)
          AND "receivedAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/** rate-limiter-flexible clears its table only when it created it; ours comes by migration. */
const deleteExpiredRateLimits = (db: PrismaClient) =>
  inBatches(
    () => db.$executeRaw`
      DELETE FROM "rate_limits" WHERE ctid IN (
        SELECT ctid FROM "rate_limits"
        WHERE "expire" < (extract(epoch FROM now()) * 1000)::bigint
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/** A tombstone waits for a Post delivered after its delete: X replays 24 hours at most. */
const deleteTombstones = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      DELETE FROM "TweetTombstone" WHERE ctid IN (
        SELECT ctid FROM "TweetTombstone"
        WHERE "deletedAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/**
 * A version id lets a delete naming it find the reply, to purge its text and take its items out
 * of the cart. Kept while either could still happen: the reply has text, a cart line holds its
 * items, or its pending add may still land.
 */
const deleteVersions = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      DELETE FROM "TweetVersion" WHERE ctid IN (
        SELECT v.ctid FROM "TweetVersion" v JOIN "TweetEvent" e ON e."tweetId" = v."tweetId"
        WHERE e."text" IS NULL AND e."raw" IS NULL AND e."status" <> 'RECEIVED'
          AND e."receivedAt" < now() - make_interval(days => ${days}::int)
          AND NOT EXISTS (SELECT 1 FROM "CartItemSource" s
            WHERE s."tweetId" = e."tweetId" AND s."cartItemId" IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM "PendingAdd" p
            WHERE p."sourceTweetId" = e."tweetId" AND p."status" = 'PENDING')
        LIMIT ${BATCH} FOR UPDATE OF v SKIP LOCKED)`,
  );

/** Read from X again after this (one $0.005 read), so a parent edited or deleted there is not kept. */
const deleteParentPosts = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      DELETE FROM "ParentPost" WHERE ctid IN (
        SELECT ctid FROM "ParentPost"
        WHERE "fetchedAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/** "My replies" reads a settled add's status (landed, or kept too long) while it is kept. */
const deletePendingAdds = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      DELETE FROM "PendingAdd" WHERE ctid IN (
        SELECT ctid FROM "PendingAdd"
        WHERE "status" <> 'PENDING'
          AND "settledAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/**
 * Answers that will not be posted again; "My replies" says whether the bot answered while they
 * are kept. An answer expires BOT_REPLY_TTL_MINUTES after it was made, so createdAt dates them all.
 */
const deleteBotAnswers = (db: PrismaClient, days: number) =>
  inBatches(
    () => db.$executeRaw`
      DELETE FROM "OutboundReply" WHERE ctid IN (
        SELECT ctid FROM "OutboundReply"
        WHERE "status" <> 'PENDING'
          AND "createdAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  );

/**
 * The daily retention pass: purges stored X texts past their time and deletes rows nothing reads
 * any more. Texts first, so the versions of replies purged today can go in the same pass.
 */
export async function purgeExpired(
  db: PrismaClient,
  settings: RetentionSettings,
): Promise<PurgeCounts> {
  const ignoredTexts = await purgeIgnoredTexts(db, settings.ignoredReplyTextDays);
  const replyTexts = await purgeReplyTexts(db, settings.replyTextDays);
  return {
    ignoredTexts,
    replyTexts,
    rateLimits: await deleteExpiredRateLimits(db),
    tombstones: await deleteTombstones(db, settings.tombstoneDays),
    versions: await deleteVersions(db, settings.tombstoneDays),
    parentPosts: await deleteParentPosts(db, settings.parentPostCacheDays),
    pendingAdds: await deletePendingAdds(db, settings.settledPendingAddDays),
    botAnswers: await deleteBotAnswers(db, settings.botAnswerDays),
  };
}
