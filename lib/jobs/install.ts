import PgBoss from "pg-boss";
import { ensureQueues, type QueueSettings } from "./queues";

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
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
