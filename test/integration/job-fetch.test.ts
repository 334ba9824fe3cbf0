import PgBoss from "pg-boss";
import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pgSql } from "@/lib/database/sql";
import { enqueue } from "@/lib/jobs/enqueue";
import { POST_BOT_REPLY, PROCESS_REPLY, type ReplyJob } from "@/lib/jobs/queues";
import { createPool } from "@/lib/database/pg-adapter";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The reply worker fetches oldest first without priorities, the outbox by priority and then
// oldest first: orders our indexes serve, so a fetch behind a long backlog reads its batch, not
// the whole backlog.

const BACKLOG = 3_000;

let database: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url);
  const jobs = Array.from({ length: BACKLOG }, (_, n) => ({
    name: PROCESS_REPLY,
    data: { tweetId: String(1_970_000_000_000_000_000n + BigInt(n)) },
  }));
  // Answers too, one in ten urgent (a shopper told their cart changed).
  const answers = jobs.map((job, n) => ({
    name: POST_BOT_REPLY,
    data: job.data,
    priority: n % 10 === 9 ? 10 : 0,
  }));
  // In separate commits, so that created_on follows the order of the batches.
  for (let start = 0; start < BACKLOG; start += 500)
    for (const queue of [jobs, answers])
      await enqueue(pgSql(pool), queue.slice(start, start + 500));
  await pool.query("ANALYZE pgboss.job");
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

/** The plan of pg-boss's row selection for a fetch in `order`. */
async function fetchPlan(queue: string, order: string) {
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(
    `EXPLAIN SELECT id FROM pgboss.job
     WHERE name = $1 AND state < 'active' AND start_after < now()
     ORDER BY ${order} LIMIT 5 FOR UPDATE SKIP LOCKED`,
    [queue],
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

it("plans the fetches as index scans in order, with no sort of the backlog", async () => {
  // `priority: false`, as the reply worker fetches.
  const replies = await fetchPlan(PROCESS_REPLY, "created_on, id");
  expect(replies).toMatch(/Index Scan using \S+_name_created_on_id_idx/);
  expect(replies).not.toMatch(/Sort/);
  // pg-boss's default, as the outbox fetches.
  const answers = await fetchPlan(POST_BOT_REPLY, "priority desc, created_on, id");
  expect(answers).toMatch(/Index Scan using \S+_name_priority_created_on_id_idx/);
  expect(answers).not.toMatch(/Sort/);
});

/** What pg-boss's fetch of five hands out, against the five jobs `order` puts first. */
async function expectFetched(
  queue: string,
  options: PgBoss.FetchOptions,
  where: string,
  order: string,
) {
  const boss = new PgBoss({ connectionString: database.url, supervise: false, schedule: false });
  await boss.start();
  try {
    const first = await boss.fetch<ReplyJob>(queue, { ...options, batchSize: 5 });
    const { rows } = await pool.query<{ tweetId: string }>(
      `SELECT data->>'tweetId' AS "tweetId" FROM pgboss.job WHERE name = $1 AND ${where}
       ORDER BY ${order} LIMIT 5`,
      [queue],
    );
    expect(first.map((job) => job.data.tweetId).sort()).toEqual(
      rows.map((row) => row.tweetId).sort(),
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

it("hands out urgent answers first, then the oldest", async () => {
  await expectFetched(POST_BOT_REPLY, {}, "priority = 10", "created_on, id");
});

it("hands out the oldest jobs first", async () => {
  await expectFetched(PROCESS_REPLY, { priority: false }, "true", "created_on, id");
});
