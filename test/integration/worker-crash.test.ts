import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/auth-browser";
import {
  linkedShopper,
  settle,
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
// Twice what a worker fetches at once (three batches of 20), so each kill lands mid-backlog.
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
it("processes every reply of a backlog once, though its worker is killed twice mid-way", async () => {
  const shoppers = [];
  for (const name of SHOPPERS) shoppers.push(await linkedShopper(pipeline, name));
  const posts = [];
  for (const productId of PRODUCTS)
    posts.push((await postProductOnX(db(), productId, APP_URL)).tweetId);
  for (let round = 0; round < REPLIES_PER_LINE; round++)
    for (const post of posts)
      for (const name of SHOPPERS)
        await simPost(pipeline.sim, name, `#addtocart (${round}-${post.slice(-4)})`, post);
  await simJson(pipeline.sim, "/_sim/deliveries/settle", {});
  expect(await db().tweetEvent.count()).toBe(TOTAL);

  for (const killAt of [5, 60]) {
    const worker = startWorkerProcess();
    await waitWithReport(async () => (await done()) >= killAt, `${killAt} replies processed`);
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker.once("exit", resolve));
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
