import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { PROCESS_REPLY } from "@/lib/jobs/queues";
import { prismaSql } from "@/lib/database/sql";
import { countRequeues } from "@/lib/inbox/inbox-status";

const BATCH = 500;

/**
 * A row stranded this often had a job each time and its processing died with it (a crash, an
 * OOM, a batch past JOB_LEASE_SECONDS): another job would die the same way.
 */
export const MAX_SWEEP_REQUEUES = 3;
export const SWEPT_TOO_OFTEN = `Processing died ${MAX_SWEEP_REQUEUES} times (crash or lease expiry); not retried again.`;

/**
 * Gives a job again to inbox rows still RECEIVED after `olderThanMinutes` that have none open:
 * their job ran out of retries in a process that died, or the row predates the queue. A row
 * already queued MAX_SWEEP_REQUEUES times is marked failed instead, with the reason shown on the
 * replies pages. Returns how many were queued.
 */
export async function sweepInbox(db: PrismaClient, olderThanMinutes = 5): Promise<number> {
  return db.$transaction(async (tx) => {
    const stranded = await countRequeues(prismaSql(tx), {
      olderThanMinutes,
      queue: PROCESS_REPLY,
      batch: BATCH,
      maxRequeues: MAX_SWEEP_REQUEUES,
      reason: SWEPT_TOO_OFTEN,
    });
    const requeued = stranded.filter((row) => row.requeued);
    await enqueue(
      prismaSql(tx),
      requeued.map(({ tweetId }) => ({ name: PROCESS_REPLY, data: { tweetId } })),
    );
    return requeued.length;
  });
}
