import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { PROCESS_REPLY } from "@/lib/jobs/queues";

const BATCH = 500;

/**
 * Gives a job again to inbox rows still RECEIVED after `olderThanMinutes` that have none open:
 * their job ran out of retries in a process that died, or the row predates the queue. Returns
 * how many were queued.
 */
export async function sweepInbox(db: PrismaClient, olderThanMinutes = 5): Promise<number> {
  return db.$transaction(async (tx) => {
    const stranded = await tx.$queryRaw<{ tweetId: string }[]>`
      SELECT e."tweetId" FROM "TweetEvent" e
      WHERE e."status" = 'RECEIVED'
        AND e."receivedAt" < now() - make_interval(mins => ${olderThanMinutes}::int)
        AND NOT EXISTS (
          SELECT 1 FROM pgboss.job j
          WHERE j.name = ${PROCESS_REPLY} AND j.state < 'completed'
            AND j.data->>'tweetId' = e."tweetId")
      ORDER BY e."receivedAt"
      LIMIT ${BATCH}`;
    await enqueue(
      tx,
      stranded.map(({ tweetId }) => ({ name: PROCESS_REPLY, data: { tweetId } })),
    );
    return stranded.length;
  });
}
