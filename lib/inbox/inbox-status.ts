import type { PrismaClient, ReplyOutcome, TweetEvent } from "@/lib/generated/prisma/client";
import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

// An inbox row (`TweetEvent`) is RECEIVED when the webhook stores it (lib/ingest), then DONE with
// its outcome when the reply processor commits it, or FAILED when processing gives up. A delete
// at X purges it (text and raw JSON gone, `deletedAt` set) and, when it had added, its outcome
// becomes WITHDRAWN. Every one of those changes is made here, so the states and the rules that
// move a row between them are read in one place. (Retention's purge of old texts, which changes
// no state, lives with retention.)

/** One processed reply's final state, and its bot answer (null: none is posted). */
export type Outcome = Pick<TweetEvent, "tweetId" | "productId" | "quantity" | "size" | "userId"> & {
  outcome: ReplyOutcome;
  answer: { id: string; text: string; urgent: boolean } | null;
};

// One statement for the batch, on the worker's hot path: the rows marked done and their answers
// written to the outbox in the same round trip.
const MARK_DONE = statement(
  `WITH reply AS (
     SELECT * FROM unnest($1::text[], $2::"ReplyOutcome"[], $3::text[], $4::int[], $5::text[],
       $6::text[], $7::text[], $8::text[], $9::boolean[])
       AS r("tweetId", "outcome", "productId", "quantity", "size", "userId", "answerId",
         "text", "urgent")
   ), done AS (
     UPDATE "TweetEvent" e SET "status" = 'DONE', "outcome" = r."outcome",
       "productId" = r."productId", "quantity" = r."quantity", "size" = r."size",
       "userId" = r."userId", "processedAt" = now()
     FROM reply r WHERE e."tweetId" = r."tweetId"
   )
   INSERT INTO "OutboundReply"
     ("id", "inReplyToTweetId", "kind", "text", "urgent", "expiresAt", "updatedAt")
   SELECT r."answerId", r."tweetId", r."outcome", r."text", r."urgent", $10,
     now()
   FROM reply r WHERE r."text" IS NOT NULL`,
);

/**
 * RECEIVED to DONE for a batch the caller holds the row locks of, with each reply's bot answer
 * into the outbox (expiring at `answersExpireAt`). The caller queues the answers' jobs.
 */
export async function markDone(sql: Sql, replies: Outcome[], answersExpireAt: Date) {
  if (!replies.length) return;
  const column = <T>(pick: (reply: Outcome) => T) => replies.map(pick);
  await sql.execute(MARK_DONE, [
    column((reply) => reply.tweetId),
    column((reply) => reply.outcome),
    column((reply) => reply.productId),
    column((reply) => reply.quantity),
    column((reply) => reply.size),
    column((reply) => reply.userId),
    column((reply) => reply.answer?.id ?? null),
    column((reply) => reply.answer?.text ?? null),
    column((reply) => reply.answer?.urgent ?? false),
    answersExpireAt,
  ]);
}

/** RECEIVED to FAILED once processing gave up; a row another worker finished stays as it is. */
export async function markFailed(db: PrismaClient, tweetId: string, error: string) {
  await db.tweetEvent.updateMany({
    where: { tweetId, status: "RECEIVED" },
    data: { status: "FAILED", error: error.slice(0, 500) },
  });
}

const LOCK_ROW = statement(`SELECT 1 FROM "TweetEvent" WHERE "tweetId" = $1 FOR UPDATE`);

/** Holds one row's lock until the transaction ends (a withdrawal against a processor). */
export const lockInboxRow = (sql: Sql, tweetId: string) => sql.execute(LOCK_ROW, [tweetId]);

/** A deleted reply whose add was taken back out: its outcome says so on "My replies". */
export async function markWithdrawn(
  tx: Pick<PrismaClient, "tweetEvent">,
  tweetId: string,
): Promise<void> {
  await tx.tweetEvent.update({ where: { tweetId }, data: { outcome: "WITHDRAWN" } });
}

// Rows locked in tweetId order, as the reply worker locks a batch's rows, so the two never
// wait on each other in a cycle.
const PURGE_DELETED = statement<Pick<TweetEvent, "tweetId" | "status">>(
  `WITH deleted AS (
     SELECT e."tweetId" FROM "TweetEvent" e
       JOIN "TweetVersion" v ON v."tweetId" = e."tweetId"
       JOIN "TweetTombstone" t ON t."tweetId" = v."versionId"
     WHERE v."versionId" = ANY($1::text[]) AND e."deletedAt" IS NULL
     ORDER BY e."tweetId" FOR UPDATE OF e
   )
   UPDATE "TweetEvent" e SET "text" = NULL, "raw" = NULL, "deletedAt" = now()
   FROM deleted d WHERE e."tweetId" = d."tweetId"
   RETURNING e."tweetId", e."status"::text AS "status"`,
);

/**
 * Purges the rows of the replies that any of `versionIds` names and a tombstone now covers (a
 * delete may come before or after its Post, naming any version): each purged row and its state.
 */
export const purgeDeleted = (sql: Sql, versionIds: string[]) =>
  sql.query(PURGE_DELETED, [versionIds]);

// Locked, so a row processed meanwhile (its status no longer RECEIVED) drops out.
const REQUEUE_STRANDED = statement<Pick<TweetEvent, "tweetId"> & { requeued: boolean }>(
  `WITH stranded AS (
     SELECT e."tweetId" FROM "TweetEvent" e
     WHERE e."status" = 'RECEIVED'
       AND e."receivedAt" < now() - make_interval(mins => $1::int)
       AND NOT EXISTS (
         SELECT 1 FROM pgboss.job j
         WHERE j.name = $2 AND j.state < 'completed'
           AND j.data->>'tweetId' = e."tweetId")
     ORDER BY e."receivedAt"
     LIMIT $3
     FOR UPDATE OF e SKIP LOCKED
   )
   UPDATE "TweetEvent" e SET
     "sweepRequeues" = e."sweepRequeues" + 1,
     "status" = CASE WHEN e."sweepRequeues" >= $4::int
       THEN 'FAILED'::"TweetEventStatus" ELSE e."status" END,
     "error" = CASE WHEN e."sweepRequeues" >= $4::int
       THEN $5 ELSE e."error" END
   FROM stranded s WHERE e."tweetId" = s."tweetId"
   RETURNING e."tweetId", e."status" = 'RECEIVED' AS "requeued"`,
);

/**
 * Counts a requeue on up to `batch` rows still RECEIVED after `olderThanMinutes` with no open
 * job of `queue`, and fails (with `reason`) those already requeued `maxRequeues` times: each
 * row, and whether it is to be queued again.
 */
export const countRequeues = (
  sql: Sql,
  stranded: {
    olderThanMinutes: number;
    queue: string;
    batch: number;
    maxRequeues: number;
    reason: string;
  },
) =>
  sql.query(REQUEUE_STRANDED, [
    stranded.olderThanMinutes,
    stranded.queue,
    stranded.batch,
    stranded.maxRequeues,
    stranded.reason,
  ]);
