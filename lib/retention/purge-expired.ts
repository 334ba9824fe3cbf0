import { prismaSql, type Sql } from "@/lib/database/sql";
import { statement, type Statement } from "@/lib/database/statement";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RetentionSettings } from "./retention-settings";

// Each statement changes at most BATCH rows and commits on its own, so a large backlog (the
// first run on an old database) never holds many row locks or one long transaction. Rows in use
// (locked by a worker or a page's transaction) are skipped and caught on the next run. Texts go
// first, so the versions of replies purged today can go in the same pass.
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

type SweepParts = {
  /** `UPDATE "T" SET ...` or `DELETE FROM "T"`: what happens to each chosen row. */
  change: string;
  /** `FROM ... WHERE ...` choosing the rows, their ctid as `ctid` (aliased tables say which). */
  choose: string;
  /** FOR UPDATE's table, when `choose` joins. */
  lockOf?: string;
};

/** One batch of a sweep: at most BATCH rows, each row returned as it changes. */
const sweep = ({ change, choose, lockOf }: SweepParts) =>
  `${change} WHERE ctid IN (SELECT ${choose} LIMIT ${BATCH}
    FOR UPDATE${lockOf ? ` OF ${lockOf}` : ""} SKIP LOCKED) RETURNING 1`;

type Sweep = Statement<unknown>;

/** Runs one sweep BATCH rows at a time, each batch its own statement, until fewer are left. */
async function inBatches(sql: Sql, batch: Sweep, days?: number) {
  const values = days === undefined ? [] : [days];
  let total = 0;
  for (;;) {
    const changed = (await sql.query(batch, values)).length;
    total += changed;
    if (changed < BATCH) return total;
  }
}

const olderThanDays = (column: string) => `${column} < now() - make_interval(days => $1::int)`;
const PURGE_TEXT = `UPDATE "TweetEvent" SET "text" = NULL, "raw" = NULL`;
const hasText = `("text" IS NOT NULL OR "raw" IS NOT NULL)`;

/** Strangers' texts and raw JSON (replies that asked for nothing) go first. */
const ignoredTexts = statement<unknown>(
  sweep({
    change: PURGE_TEXT,
    choose: `ctid FROM "TweetEvent"
    WHERE "outcome" = 'IGNORED' AND ${hasText} AND ${olderThanDays(`"receivedAt"`)}`,
  }),
);

/**
 * Every processed reply's text and raw JSON; its outcome, product, quantity, size and cart
 * source stay, so the funnel and "My replies" keep working. A reply not processed yet keeps its
 * text: its job reads it.
 */
const replyTexts = statement<unknown>(
  sweep({
    change: PURGE_TEXT,
    choose: `ctid FROM "TweetEvent"
    WHERE "status" <> 'RECEIVED' AND ${hasText} AND ${olderThanDays(`"receivedAt"`)}`,
  }),
);

/** rate-limiter-flexible clears its table only when it created it; ours comes by migration. */
const rateLimits = statement<unknown>(
  sweep({
    change: `DELETE FROM "rate_limits"`,
    choose: `ctid FROM "rate_limits" WHERE "expire" < (extract(epoch FROM now()) * 1000)::bigint`,
  }),
);

/** A tombstone waits for a Post delivered after its delete: X replays 24 hours at most. */
const tombstones = statement<unknown>(
  sweep({
    change: `DELETE FROM "TweetTombstone"`,
    choose: `ctid FROM "TweetTombstone" WHERE ${olderThanDays(`"deletedAt"`)}`,
  }),
);

/**
 * A version id lets a delete naming it find the reply, to purge its text and take its items out
 * of the cart. Kept while either could still happen: the reply has text, a cart line holds its
 * items, or its pending add may still land.
 */
const versions = statement<unknown>(
  sweep({
    change: `DELETE FROM "TweetVersion"`,
    choose: `v.ctid FROM "TweetVersion" v JOIN "TweetEvent" e ON e."tweetId" = v."tweetId"
    WHERE e."text" IS NULL AND e."raw" IS NULL AND e."status" <> 'RECEIVED'
      AND ${olderThanDays(`e."receivedAt"`)}
      AND NOT EXISTS (SELECT 1 FROM "CartItemSource" s
        WHERE s."tweetId" = e."tweetId" AND s."cartItemId" IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM "PendingAdd" p
        WHERE p."sourceTweetId" = e."tweetId" AND p."status" = 'PENDING')`,
    lockOf: "v",
  }),
);

/** Read from X again after this (one $0.005 read), so a parent edited or deleted there is not kept. */
const parentPosts = statement<unknown>(
  sweep({
    change: `DELETE FROM "ParentPost"`,
    choose: `ctid FROM "ParentPost" WHERE ${olderThanDays(`"fetchedAt"`)}`,
  }),
);

/** "My replies" reads a settled add's status (landed, or kept too long) while it is kept. */
const pendingAdds = statement<unknown>(
  sweep({
    change: `DELETE FROM "PendingAdd"`,
    choose: `ctid FROM "PendingAdd" WHERE "status" <> 'PENDING' AND ${olderThanDays(`"settledAt"`)}`,
  }),
);

/**
 * Answers that will not be posted again; "My replies" says whether the bot answered while they
 * are kept. An answer expires BOT_REPLY_TTL_MINUTES after it was made, so createdAt dates them all.
 */
const botAnswers = statement<unknown>(
  sweep({
    change: `DELETE FROM "OutboundReply"`,
    choose: `ctid FROM "OutboundReply" WHERE "status" <> 'PENDING' AND ${olderThanDays(`"createdAt"`)}`,
  }),
);

/**
 * The daily retention pass: purges stored X texts past their time and deletes rows nothing reads
 * any more. Texts first, so the versions of replies purged today can go in the same pass.
 */
export async function purgeExpired(
  db: PrismaClient,
  settings: RetentionSettings,
): Promise<PurgeCounts> {
  const sql = prismaSql(db);
  return {
    ignoredTexts: await inBatches(sql, ignoredTexts, settings.ignoredReplyTextDays),
    replyTexts: await inBatches(sql, replyTexts, settings.replyTextDays),
    rateLimits: await inBatches(sql, rateLimits),
    tombstones: await inBatches(sql, tombstones, settings.tombstoneDays),
    versions: await inBatches(sql, versions, settings.tombstoneDays),
    parentPosts: await inBatches(sql, parentPosts, settings.parentPostCacheDays),
    pendingAdds: await inBatches(sql, pendingAdds, settings.settledPendingAddDays),
    botAnswers: await inBatches(sql, botAnswers, settings.botAnswerDays),
  };
}
