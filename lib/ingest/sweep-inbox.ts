import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { PROCESS_REPLY } from "@/lib/jobs/queues";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import type { TweetEvent } from "@/lib/generated/prisma/client";

const BATCH = 500;

/**
 * A row stranded this often had a job each time and its processing died with it (a crash, an
 * OOM, a batch past JOB_LEASE_SECONDS): another job would die the same way.
 */
export const MAX_SWEEP_REQUEUES = 3;
export const SWEPT_TOO_OFTEN = `Processing died ${MAX_SWEEP_REQUEUES} times (crash or lease expiry); not retried again.`;

// Locked, so a row processed meanwhile (its status no longer RECEIVED) drops out.
const SWEEP = statement<Pick<TweetEvent, "tweetId"> & { requeued: boolean }>(
  `WITH stranded AS (
    SELECT e."tweetId" FROM "TweetEvent" e
    WHERE e."status" = 'RECEIVED'
      AND e."receivedAt" <
        now() - make_interval(mins => $1::int)
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
 * Gives a job again to inbox rows still RECEIVED after `olderThanMinutes` that have none open:
 * their job ran out of retries in a process that died, or the row predates the queue. A row
 * already queued MAX_SWEEP_REQUEUES times is marked failed instead, with the reason shown on the
 * replies pages. Returns how many were queued.
 */
export async function sweepInbox(db: PrismaClient, olderThanMinutes = 5): Promise<number> {
  return db.$transaction(async (tx) => {
    const stranded = await prismaSql(tx).query(SWEEP, [
      olderThanMinutes,
      PROCESS_REPLY,
      BATCH,
      MAX_SWEEP_REQUEUES,
      SWEPT_TOO_OFTEN,
    ]);
    const requeued = stranded.filter((row) => row.requeued);
    await enqueue(
      prismaSql(tx),
      requeued.map(({ tweetId }) => ({ name: PROCESS_REPLY, data: { tweetId } })),
    );
    return requeued.length;
  });
}
