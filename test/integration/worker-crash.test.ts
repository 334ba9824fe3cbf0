import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { lockXUsers } from "@/lib/x/lock-x-user";
import { pgSql } from "@/lib/database/sql";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/fixtures";
import {
  linkedShopper,
  settle,
  SIM_USERS,
  simJson,
  simPost,
  SIZELESS_US_PRODUCTS,
  startPipeline,
  type Pipeline,
  waitFor,
} from "./support/reply-pipeline";

// `npm run worker` as a real child process, killed with SIGKILL in the middle of a backlog,
// twice, then started again: every reply is processed once and answered once.

const PRODUCTS = SIZELESS_US_PRODUCTS.slice(1, 7);
const SHOPPERS = ["alice", "bob", "carol", "dave"] as const;
const REPLIES_PER_LINE = 5;
const TOTAL = PRODUCTS.length * SHOPPERS.length * REPLIES_PER_LINE;

let pipeline: Pipeline;
const children: ChildProcess[] = [];
// What the worker processes printed, for the failure message when the backlog stalls.
const workerOutput: string[] = [];
beforeAll(async () => {
  pipeline = await startPipeline({
    workers: false,
    simOptions: {
      rateLimits: { "tweets.create": [{ per: "user", limit: 10_000, windowMs: 60_000 }] },
    },
  });
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await pipeline?.close();
});

// node itself (not the tsx wrapper, which would leave its child running): SIGKILL hits the worker.
function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      REPLY_ADDS_PER_MINUTE: "1000",
      // Every answer of the backlog within the test: more than X's 100 posts per 15 minutes.
      BOT_REPLIES_PER_15_MINUTES: "10000",
      // Short leases: a killed worker's jobs are retried within seconds.
      JOB_LEASE_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => workerOutput.push(...chunk.toString().split("\n")));
  children.push(child);
  return child;
}

const db = () => pipeline.database.db;
const done = () => db().tweetEvent.count({ where: { status: "DONE" } });
/** Batches stuck inside their transaction, waiting on an X user's lock (of this database). */
const lockWaits = async () => {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM pg_locks
    WHERE locktype = 'advisory' AND NOT granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
  return Number(row?.count);
};

/** Holds an X user's lock (as linking them would) until the returned function is called. */
async function holdXUserLock(xUserId: string) {
  const client = new pg.Client({ connectionString: pipeline.database.url });
  await client.connect();
  await client.query("BEGIN");
  await lockXUsers(pgSql(client), [xUserId]);
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

const answeredCount = () => db().outboundReply.count({ where: { status: { not: "PENDING" } } });

/** waitFor, but a timeout also says how far the backlog got and what the workers printed. */
async function waitWithReport(check: () => Promise<boolean>, what: string) {
  try {
    // A killed worker's jobs come back after their lease, its open X attempt after a minute.
    await waitFor(check, what, 120_000);
  } catch (error) {
    const state = `${await done()} of ${TOTAL} processed, ${await answeredCount()} answered`;
    const log = workerOutput.filter(Boolean).slice(-20).join("\n");
    throw new Error(`${(error as Error).message} (${state}); the workers printed:\n${log}`);
  }
}

// Three worker starts, two job lease expiries and maybe an open X attempt's: minutes on a busy
// machine.
it("processes every reply of a backlog once, though its worker is killed twice mid-batch", async () => {
  const shoppers = [];
  for (const name of SHOPPERS) shoppers.push(await linkedShopper(pipeline, name));
  const posts = [];
  for (const productId of PRODUCTS)
    posts.push((await postProductOnX(db(), productId, APP_URL)).tweetId);
  // Dave's replies last: the backlog's first batches hold none of them.
  for (const name of SHOPPERS)
    for (let round = 0; round < REPLIES_PER_LINE; round++)
      for (const post of posts)
        await simPost(pipeline.sim, name, `#addtocart (${round}-${post.slice(-4)})`, post);
  await simJson(pipeline.sim, "/_sim/deliveries/settle", {});
  expect(await db().tweetEvent.count()).toBe(TOTAL);

  // A worker processes a backlog this size in a fraction of a second, so with Dave's lock held
  // by the test each kill is sure to land while batches are inside their transaction (and
  // after the first batches, without Dave, have committed).
  for (const killAt of [5, 10]) {
    const release = await holdXUserLock(SIM_USERS.dave);
    const worker = startWorkerProcess();
    await waitWithReport(
      async () => (await done()) >= killAt && (await lockWaits()) > 0,
      `${killAt} replies processed and a batch waiting inside its transaction`,
    );
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker.once("exit", resolve));
    await release();
    // The killed worker's sessions end once they get the lock and find no one to answer.
    await waitWithReport(async () => (await lockWaits()) === 0, "the killed batches to end");
  }
  expect(await done()).toBeLessThan(TOTAL);

  const last = startWorkerProcess();
  await waitWithReport(
    async () => (await done()) === TOTAL && (await answeredCount()) === TOTAL,
    "the backlog and its answers",
  );
  await settle(pipeline);
  last.kill("SIGTERM");

  // The kills hit jobs in flight: pg-boss retried them after their lease.
  const [retried] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM pgboss.job WHERE retry_count > 0`;
  expect(Number(retried?.count)).toBeGreaterThan(0);

  for (const shopper of shoppers) {
    const lines = await db().cartItem.findMany({ where: { userId: shopper.id } });
    expect(lines.map((line) => [line.productId, line.quantity]).sort()).toEqual(
      PRODUCTS.map((id) => [id, REPLIES_PER_LINE]).sort(),
    );
  }
  const lines = await db().cartItem.findMany({ include: { sources: true } });
  expect(lines).toHaveLength(PRODUCTS.length * SHOPPERS.length);
  expect(lines.flatMap((line) => line.sources)).toHaveLength(TOTAL);
  expect(await db().tweetEvent.count({ where: { outcome: "ADDED" } })).toBe(TOTAL);
  // One answer per reply, at X too.
  expect(await db().outboundReply.count({ where: { status: "SENT" } })).toBe(TOTAL);
  const { posts: brandPosts } = await simJson<{ posts: { inReplyTo?: { id: string } }[] }>(
    pipeline.sim,
    "/_sim/timeline?username=replycart",
  );
  const answered = brandPosts.flatMap((post) => post.inReplyTo?.id ?? []);
  expect(answered).toHaveLength(TOTAL);
  expect(new Set(answered).size).toBe(TOTAL);
}, 360_000);
