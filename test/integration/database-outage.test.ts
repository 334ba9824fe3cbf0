import { afterAll, beforeAll, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/fixtures";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import {
  deliverSigned,
  linkedShopper,
  newLinkedShopper,
  SIZELESS_US_PRODUCTS,
  SIM_USERS,
  simJson,
  simPost,
  startPipeline,
  streamReply,
  type Pipeline,
  waitFor,
  workerLog,
} from "./support/reply-pipeline";

// Postgres stopped while a few hundred signed deliveries are in flight, once by a fast shutdown
// and once by an immediate one (a crash). Every delivery is acknowledged only if its inbox row
// is committed, and answered 5xx otherwise; after a restart and X's redelivery of the 5xx ones,
// every reply is processed exactly once.

const PRODUCTS = SIZELESS_US_PRODUCTS;
const PER_ROUND = 200;
/** Postgres is told to stop once this many deliveries of a round have been answered. */
const STOP_AFTER = 60;
const SENDERS = 25;
/** Longer than any honest answer; a delivery still unanswered then counts as a hang. */
const REQUEST_TIMEOUT_MS = 15_000;

type Shopper = { username: string; xUserId: string; userId: string };
type Reply = { id: string; body: string; userId: string; productId: string };
type Answer = { status: number | string; startedAt: number; endedAt: number };

let postgres: PrivatePostgres;
let pipeline: Pipeline;
const shoppers: Shopper[] = [];
const postOf = new Map<string, string>();
const replies: Reply[] = [];

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  pipeline = await startPipeline({
    database: postgres.database,
    workers: false,
    // Each shopper adds dozens of replies here; the per-user cap is not under test.
    env: { REPLY_ADDS_PER_MINUTE: "100000" },
  });
  // X's own deliveries are dropped: this test delivers each reply itself, and redelivers.
  await simJson(pipeline.sim, "/_sim/faults", { drop: 1 });
  for (const productId of PRODUCTS)
    postOf.set(productId, (await postProductOnX(db(), productId, APP_URL)).tweetId);
  for (const username of ["alice", "bob", "carol", "dave"] as const)
    shoppers.push({
      username,
      xUserId: SIM_USERS[username],
      userId: (await linkedShopper(pipeline, username)).id,
    });
  for (const username of ["erin", "frank", "grace", "heidi"]) {
    const { xUserId, user } = await newLinkedShopper(pipeline, username);
    shoppers.push({ username, xUserId, userId: user.id });
  }
}, 180_000);

afterAll(async () => {
  if (workerLog.length) console.log(workerLog.join("\n"));
  await pipeline?.close();
});

const db = () => pipeline.database.db;
const isAcknowledged = (answer: Answer) =>
  typeof answer.status === "number" && answer.status >= 200 && answer.status < 300;
const isServerError = (answer: Answer) =>
  typeof answer.status === "number" && answer.status >= 500 && answer.status < 600;

/** Replies posted at X (the simulator) by the shoppers in turn, to the products in turn. */
async function postReplies(round: number): Promise<Reply[]> {
  const made: Reply[] = [];
  for (let k = 0; k < PER_ROUND; k++) {
    const n = replies.length + made.length;
    const shopper = shoppers[n % shoppers.length] as Shopper;
    const productId = PRODUCTS[Math.floor(n / shoppers.length) % PRODUCTS.length] as string;
    const parentId = postOf.get(productId) as string;
    const text = `#addtocart please (round ${round}, reply ${k})`;
    const id = await simPost(pipeline.sim, shopper.username, text, parentId);
    const body = streamReply({
      id,
      username: shopper.username,
      authorId: shopper.xUserId,
      text,
      parentId,
    });
    made.push({ id, body, userId: shopper.userId, productId });
  }
  replies.push(...made);
  return made;
}

/** Delivers every body from SENDERS concurrent senders, as X's delivery fleet would. */
async function deliverAll(bodies: string[], onAnswer?: (answered: number) => void) {
  const answers: Answer[] = [];
  let next = 0;
  let answered = 0;
  const sender = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const startedAt = performance.now();
      let status: number | string;
      try {
        const response = await deliverSigned(
          pipeline,
          bodies[i] as string,
          AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        );
        await response.arrayBuffer();
        status = response.status;
      } catch (error) {
        const { name, message } = error as Error;
        status = name === "TimeoutError" ? "no answer (timeout)" : `${name}: ${message}`;
      }
      answers[i] = { status, startedAt, endedAt: performance.now() };
      onAnswer?.(++answered);
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return answers;
}

const committed = async (ids: string[]) =>
  db().tweetEvent.count({ where: { tweetId: { in: ids } } });

async function outageRound(round: number, mode: "fast" | "immediate") {
  const made = await postReplies(round);
  let stopAt = 0;
  let stopped: Promise<void> | undefined;
  const answers = await deliverAll(
    made.map((reply) => reply.body),
    (answered) => {
      if (answered !== STOP_AFTER) return;
      stopAt = performance.now();
      stopped = postgres.stop(mode);
    },
  );
  await stopped;

  // Each delivery got an answer, and it was 2xx or 5xx: nothing hung, nothing was refused.
  const odd = answers.flatMap((answer, i) =>
    isAcknowledged(answer) || isServerError(answer) ? [] : [`${made[i]?.id}: ${answer.status}`],
  );
  expect(odd).toEqual([]);
  const acknowledged = made.filter((_, i) => isAcknowledged(answers[i] as Answer));
  const refused = made.filter((_, i) => isServerError(answers[i] as Answer));
  const inFlight = answers.filter((a) => a.startedAt < stopAt && a.endedAt > stopAt);
  // The outage really came mid-delivery: some were acknowledged, some refused, some in flight.
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(0);
  expect(inFlight.length).toBeGreaterThan(0);

  await postgres.restart();
  // Every acknowledged delivery's inbox row survived the shutdown.
  expect(await committed(acknowledged.map((reply) => reply.id))).toBe(acknowledged.length);
  const refusedYetStored = await committed(refused.map((reply) => reply.id));

  // X delivers the refused ones again; the app's connections recovered from the restart.
  const again = await deliverAll(refused.map((reply) => reply.body));
  expect(again.map((answer) => answer.status)).toEqual(refused.map(() => 200));
  expect(await committed(made.map((reply) => reply.id))).toBe(PER_ROUND);
  console.log(
    `${mode} shutdown: ${PER_ROUND} deliveries, ${acknowledged.length} acknowledged, ` +
      `${refused.length} answered 5xx (${refusedYetStored} of them committed all the same); ` +
      `${inFlight.length} in flight at the stop (${inFlight.filter(isAcknowledged).length} ` +
      `acknowledged, ${inFlight.filter(isServerError).length} 5xx); slowest answer ` +
      `${Math.round(Math.max(...answers.map((a) => a.endedAt - a.startedAt)))} ms`,
  );
}

it("a fast shutdown mid-delivery: 2xx only for committed rows, 5xx for the rest", async () => {
  await outageRound(1, "fast");
});

it("a crash (immediate shutdown) mid-delivery: 2xx only for committed rows, 5xx for the rest", async () => {
  await outageRound(2, "immediate");
});

it("after the restarts and redeliveries, the workers process every reply exactly once", async () => {
  const ids = replies.map((reply) => reply.id);
  expect(ids).toHaveLength(2 * PER_ROUND);
  await pipeline.startWorkers();
  await waitFor(
    async () =>
      (await db().tweetEvent.count({ where: { status: "DONE" } })) === ids.length &&
      (await db().outboundReply.count()) === ids.length,
    "every reply processed and its answer queued",
  );

  // One inbox row per reply, each processed into the cart once.
  expect(await db().tweetEvent.count()).toBe(ids.length);
  const outcomes = await db().tweetEvent.groupBy({ by: ["status", "outcome"], _count: true });
  expect(outcomes.map((o) => [o.status, o.outcome, o._count])).toEqual([
    ["DONE", "ADDED", ids.length],
  ]);
  // One job per inbox row: redelivering a committed reply queued nothing more.
  const [jobs] = await db().$queryRaw<{ jobs: bigint; replies: bigint }[]>`
    SELECT count(*) AS jobs, count(DISTINCT data->>'tweetId') AS replies
    FROM pgboss.job WHERE name = 'reply-process'`;
  expect([Number(jobs?.jobs), Number(jobs?.replies)]).toEqual([ids.length, ids.length]);

  const sources = await db().cartItemSource.findMany({ where: { tweetId: { in: ids } } });
  expect(sources).toHaveLength(ids.length);
  // Each cart line holds exactly one of each reply that asked for it.
  const expected = new Map<string, number>();
  for (const reply of replies) {
    const key = `${reply.userId} ${reply.productId}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const lines = await db().cartItem.findMany({ include: { sources: true } });
  expect(
    Object.fromEntries(lines.map((line) => [`${line.userId} ${line.productId}`, line.quantity])),
  ).toEqual(Object.fromEntries(expected));
  for (const line of lines)
    expect(line.sources.reduce((sum, source) => sum + source.quantity, 0)).toBe(line.quantity);

  // One queued answer per reply.
  const answers = await db().outboundReply.findMany({ select: { inReplyToTweetId: true } });
  expect(new Set(answers.map((answer) => answer.inReplyToTweetId))).toEqual(new Set(ids));
}, 120_000);
