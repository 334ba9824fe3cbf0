import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/fixtures";
import {
  linkedShopper,
  newLinkedShopper,
  SIZELESS_US_PRODUCTS,
  simPost,
  startPipeline,
  type Pipeline,
  waitFor,
  workerLog,
} from "./support/reply-pipeline";

// An idle transaction holding a snapshot pins the database's xmin horizon: no dead row version
// (pg-boss's job rows churn on every state change) can be vacuumed while it lasts. Replies keep
// arriving for a minute meanwhile; they are all processed and answered, and after it ends too.

const PRODUCTS = SIZELESS_US_PRODUCTS;
const HELD_MS = 60_000;
const PER_SECOND = 5;
const AFTER = 10;

let pipeline: Pipeline;
let holder: pg.Client;
const shoppers: string[] = ["alice", "bob", "carol", "dave", "erin", "frank"];
const posts: string[] = [];
beforeAll(async () => {
  pipeline = await startPipeline({ env: { REPLY_ADDS_PER_MINUTE: "100000" } });
  for (const productId of PRODUCTS)
    posts.push((await postProductOnX(db(), productId, APP_URL)).tweetId);
  for (const username of ["alice", "bob", "carol", "dave"] as const)
    await linkedShopper(pipeline, username);
  for (const username of ["erin", "frank"]) await newLinkedShopper(pipeline, username);
  holder = new pg.Client({ connectionString: pipeline.database.url });
  await holder.connect();
});
afterAll(async () => {
  if (workerLog.length) console.log(workerLog.join("\n"));
  await holder?.end().catch(() => undefined);
  await pipeline?.close();
});

const db = () => pipeline.database.db;
let sent = 0;

/** Posts `count` replies at X (the simulator delivers them), PER_SECOND of them a second. */
async function replyAtPace(count: number) {
  const postedAt = new Map<string, number>();
  const start = Date.now();
  for (let k = 0; k < count; k++) {
    await sleep(start + (k * 1000) / PER_SECOND - Date.now());
    const n = sent++;
    const username = shoppers[n % shoppers.length] as string;
    const parent = posts[Math.floor(n / shoppers.length) % posts.length] as string;
    const at = Date.now();
    postedAt.set(await simPost(pipeline.sim, username, `#addtocart (reply ${n})`, parent), at);
  }
  return postedAt;
}

/** Waits until every reply is processed with its answer queued; prints reply→DONE latency. */
async function expectProcessed(postedAt: Map<string, number>, label: string) {
  const ids = [...postedAt.keys()];
  await waitFor(
    async () =>
      (await db().tweetEvent.count({ where: { tweetId: { in: ids }, status: "DONE" } })) ===
        ids.length &&
      (await db().outboundReply.count({ where: { inReplyToTweetId: { in: ids } } })) === ids.length,
    `${label}: every reply processed and answered`,
  );
  const events = await db().tweetEvent.findMany({
    where: { tweetId: { in: ids } },
    select: { tweetId: true, outcome: true, processedAt: true },
  });
  expect(events.filter((event) => event.outcome !== "ADDED")).toEqual([]);
  const latencies = events
    .map((event) => (event.processedAt?.getTime() ?? NaN) - (postedAt.get(event.tweetId) ?? NaN))
    .sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(
    `${label}: ${ids.length} replies, reply→DONE p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
  );
}

const deadTuples = async () => {
  const rows = await db().$queryRaw<{ schemaname: string; dead: bigint }[]>`
    SELECT schemaname, sum(n_dead_tup) AS dead FROM pg_stat_user_tables
    WHERE schemaname = 'pgboss' OR relname = 'TweetEvent' GROUP BY schemaname`;
  return rows.map((row) => `${row.schemaname} ${row.dead}`).join(", ");
};

// A minute of paced replies, then their processing and a few more: about 65 s, 150 s with margin.
it("replies flowing for a minute under a held xmin horizon are processed, and after it", async () => {
  await holder.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  const { rows } = await holder.query<{ pid: number }>(
    "SELECT txid_current(), pg_backend_pid() AS pid",
  );
  const watch = new pg.Client({ connectionString: pipeline.database.url });
  await watch.connect();
  const holderState = async () => {
    const found = await watch.query<{ state: string; xmin: string | null }>(
      `SELECT state, backend_xmin::text AS xmin FROM pg_stat_activity WHERE pid = $1`,
      [rows[0]?.pid],
    );
    return found.rows[0];
  };
  try {
    const pinned = await holderState();
    expect(pinned).toMatchObject({ state: "idle in transaction" });
    expect(pinned?.xmin).toBeTruthy();

    const held = await replyAtPace((HELD_MS / 1000) * PER_SECOND);
    await expectProcessed(held, "horizon held");
    // The outbox kept posting answers at X meanwhile.
    const posted = await db().outboundReply.count({
      where: { inReplyToTweetId: { in: [...held.keys()] }, status: "SENT" },
    });
    expect(posted).toBeGreaterThan(0);
    // And the horizon was held all along: the same snapshot, still open and idle.
    expect(await holderState()).toEqual(pinned);
    console.log(`dead tuples while held: ${await deadTuples()}; answers posted at X: ${posted}`);
  } finally {
    await holder.query("ROLLBACK");
    await watch.end();
  }

  await expectProcessed(await replyAtPace(AFTER), "after release");
}, 150_000);
