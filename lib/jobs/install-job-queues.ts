import PgBoss from "pg-boss";
import { ensureQueues, type QueueSettings } from "./queues";

/**
 * Reply jobs are fetched oldest first without priorities (see lib/worker/start-workers.ts).
 * pg-boss's own fetch index is on start_after, so every fetch sorted the whole backlog: 9 ms for
 * a batch of five behind 13,000 waiting replies, against 0.2 ms on this index, which serves that
 * order directly.
 * On the partitioned parent, so every queue's partition has it, later ones included.
 */
const FETCH_IN_ORDER_INDEX = `CREATE INDEX IF NOT EXISTS replycart_job_fetch_in_order
  ON pgboss.job (name, created_on, id) WHERE state < 'active'`;

/**
 * The other queues (the bot's answers above all) are fetched by priority, then oldest first:
 * the same sort, and a backlog of answers grows whenever X holds them back. In the bench,
 * 169,000 waiting answers made each outbox fetch sort them all, and a second worker process
 * (a second outbox poller) nearly doubled Postgres's CPU per reply.
 */
const FETCH_BY_PRIORITY_INDEX = `CREATE INDEX IF NOT EXISTS replycart_job_fetch_by_priority
  ON pgboss.job (name, priority DESC, created_on, id) WHERE state < 'active'`;

/**
 * Creates (or migrates) pg-boss's schema and our queues. Runs with the database migrations:
 * the webhook inserts jobs and must find the queues there before any worker has started.
 */
export async function installJobQueues(connectionString: string, settings: QueueSettings) {
  const boss = new PgBoss({ connectionString, max: 1, supervise: false, schedule: false });
  boss.on("error", () => undefined); // start() and the calls below reject with the same error
  await boss.start();
  try {
    await ensureQueues(boss, settings);
    for (const index of [FETCH_IN_ORDER_INDEX, FETCH_BY_PRIORITY_INDEX])
      await boss.getDb().executeSql(index, []);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
