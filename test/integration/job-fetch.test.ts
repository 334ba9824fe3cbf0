import PgBoss from "pg-boss";
import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pgSql } from "@/lib/database/sql";
import { enqueueWith } from "@/lib/jobs/enqueue";
import { PROCESS_REPLY, type ReplyJob } from "@/lib/jobs/queues";
import { createPool } from "@/lib/pg-adapter";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The reply worker fetches oldest first without priorities, an order our index serves: a fetch
// behind a long backlog reads its batch, not the whole backlog.

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
  // In separate commits, so that created_on follows the order of the batches.
  for (let start = 0; start < BACKLOG; start += 500)
    await enqueueWith(pgSql(pool), jobs.slice(start, start + 500));
  await pool.query("ANALYZE pgboss.job");
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

it("plans the fetch as an index scan in order, with no sort of the backlog", async () => {
  // The row selection of pg-boss's fetch with `priority: false`.
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(
    `EXPLAIN SELECT id FROM pgboss.job
     WHERE name = $1 AND state < 'active' AND start_after < now()
     ORDER BY created_on, id LIMIT 5 FOR UPDATE SKIP LOCKED`,
    [PROCESS_REPLY],
  );
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  expect(plan).toMatch(/Index Scan using \S+_name_created_on_id_idx/);
  expect(plan).not.toMatch(/Sort/);
});

it("hands out the oldest jobs first", async () => {
  const boss = new PgBoss({ connectionString: database.url, supervise: false, schedule: false });
  await boss.start();
  try {
    const first = await boss.fetch<ReplyJob>(PROCESS_REPLY, { batchSize: 5, priority: false });
    const { rows } = await pool.query<{ tweetId: string }>(
      `SELECT data->>'tweetId' AS "tweetId" FROM pgboss.job WHERE name = $1
       ORDER BY created_on, id LIMIT 5`,
      [PROCESS_REPLY],
    );
    expect(first.map((job) => job.data.tweetId).sort()).toEqual(
      rows.map((row) => row.tweetId).sort(),
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
});
