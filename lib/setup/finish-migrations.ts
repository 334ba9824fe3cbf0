import pg from "pg";
import { installJobQueues } from "@/lib/jobs/install-job-queues";
import type { QueueSettings } from "@/lib/jobs/queues";
import { applyCheckConstraints } from "@/lib/database/check-constraints";

/**
 * What `prisma migrate deploy` cannot do, run right after it: the CHECK constraints and
 * pg-boss's schema with our queues (the webhook inserts jobs before any worker has started).
 */
export async function finishMigrations(connectionString: string, settings: QueueSettings) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await applyCheckConstraints(client);
  } finally {
    await client.end();
  }
  await installJobQueues(connectionString, settings);
}
