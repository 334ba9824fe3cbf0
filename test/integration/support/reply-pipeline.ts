import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createAdaptorServer } from "@hono/node-server";
import { GET, POST } from "@/app/api/x/webhook/route";
import { claimXLink } from "@/lib/accounts/claim-x-link";
import { X_PROVIDER_ID } from "@/lib/x/x-providers";
import { parseEnv, SIMULATED_X_CONSUMER } from "@/lib/env";
import { startWorkers, type Workers } from "@/lib/worker/start-workers";
import { setUpX } from "@/lib/brand/set-up-x";
import type { SimOptions } from "@/sim/context";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { connectSimulatedBrand } from "../../../scripts/lib/connect-simulated-brand";
import { configureAppEnvironment } from "./app-environment";
import { seedShop, signedInUser } from "./fixtures";
import { createTestDatabase, type TestDatabase } from "./test-database";

// The whole reply pipeline in one test process: the simulator plays X (it delivers signed
// webhooks to the real route handler over HTTP, and answers the bot's posts), Postgres is real,
// and the workers are the ones `npm start` runs.

export const SIM_USERS = {
  replycart: "1800000000000000001",
  alice: "1800000000000000002",
  bob: "1800000000000000003",
  carol: "1800000000000000004",
  dave: "1800000000000000005",
} as const;

/** What the workers logged (failures and retries), for a test to show when it fails. */
export const workerLog: string[] = [];

/** US products a bare "#addtocart" adds: in stock, no sizes to ask for. */
export const SIZELESS_US_PRODUCTS = [
  "us-wireless-earbuds",
  "us-stoneware-mug",
  "us-field-notes",
  "us-daypack",
  "us-desk-plant",
  "us-reading-lamp",
  "us-steel-bottle",
  "us-soy-candle",
];

export type Pipeline = {
  database: TestDatabase;
  sim: RunningSimulator;
  webhookUrl: string;
  workers: Workers | null;
  startWorkers(): Promise<void>;
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
};

export async function startPipeline(
  options: {
    simOptions?: Partial<SimOptions>;
    env?: Record<string, string>;
    workers?: boolean;
    /** A database of the test's own (say on a server it stops); a clone of the template if unset. */
    database?: TestDatabase;
  } = {},
): Promise<Pipeline> {
  const [database, sim] = await Promise.all([
    options.database ?? createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true, ...options.simOptions }),
  ]);
  configureAppEnvironment({ databaseUrl: database.url, simUrl: sim.url });
  Object.assign(process.env, options.env ?? {});
  const app = createAdaptorServer({
    fetch: (request: Request) => (request.method === "GET" ? GET(request) : POST(request)),
  }) as Server;
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/x/webhook`;
  await seedShop(database.db);
  await signedInUser(database.db, "OWNER");
  const dataDir = mkdtempSync(path.join(tmpdir(), "pipeline-"));
  await connectSimulatedBrand({
    databaseUrl: database.url,
    simUrl: sim.url,
    dataDir,
    log: () => undefined,
  });
  await setUpX({ webhookUrl }, database.db);

  const pipeline: Pipeline = {
    database,
    sim,
    webhookUrl,
    workers: null,
    async startWorkers() {
      pipeline.workers = await startWorkers(parseEnv(), database.url, (line) =>
        workerLog.push(line),
      );
    },
    async stopWorkers() {
      await pipeline.workers?.stop();
      pipeline.workers = null;
    },
    async close() {
      await pipeline.stopWorkers();
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
      await sim.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.workers !== false) await pipeline.startWorkers();
  return pipeline;
}

export async function simJson<T>(
  sim: RunningSimulator,
  route: string,
  body?: unknown,
  method?: string,
): Promise<T> {
  const response = await fetch(`${sim.url}${route}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Posts as anyone in the simulator (its own UI's way); X then delivers it to our webhook. */
export async function simPost(
  sim: RunningSimulator,
  username: string,
  text: string,
  inReplyTo?: string,
) {
  const answer = await simJson<{ data: { id: string } }>(sim, "/_sim/posts", {
    username,
    text,
    ...(inReplyTo ? { in_reply_to_tweet_id: inReplyTo } : {}),
  });
  return answer.data.id;
}

/** A shopper whose shop account is linked to the simulator's X user `username`. */
export const linkedShopper = (pipeline: Pipeline, username: keyof typeof SIM_USERS) =>
  linkShopper(pipeline, username, SIM_USERS[username]);

/** A new X user at the simulator, with a shop account linked to it. */
export async function newLinkedShopper(pipeline: Pipeline, username: string) {
  const { user } = await simJson<{ user: { id: string } }>(pipeline.sim, "/_sim/users", {
    username,
    name: username,
  });
  return { xUserId: user.id, user: await linkShopper(pipeline, username, user.id) };
}

async function linkShopper(pipeline: Pipeline, username: string, xUserId: string) {
  const { db } = pipeline.database;
  const user = await db.user.create({ data: { email: `${username}@example.com` } });
  const claim = await claimXLink(user.id, xUserId, {
    access_token: null,
    refresh_token: null,
    expires_at: null,
    scope: null,
    token_type: null,
    tokenError: null,
    username,
    profileImageUrl: null,
  });
  if (claim.outcome !== "linked") throw new Error(`could not link ${username}: ${claim.outcome}`);
  return user;
}

export const isLinked = async (pipeline: Pipeline, xUserId: string) =>
  (await pipeline.database.db.account.count({
    where: { provider: X_PROVIDER_ID, providerAccountId: xUserId },
  })) > 0;

/** Waits until X delivered everything and no job is waiting to run (or `timeoutMs` passes). */
export async function settle(pipeline: Pipeline, timeoutMs = 30_000) {
  await simJson(pipeline.sim, "/_sim/deliveries/settle", {});
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await pipeline.database.db.$queryRaw<{ open: bigint }[]>`
      SELECT count(*) AS open FROM pgboss.job
      WHERE state IN ('created', 'retry', 'active') AND start_after <= now() + interval '30 seconds'`;
    const open = row?.open ?? 0n;
    if (open === 0n) return;
    if (Date.now() > deadline) throw new Error(`${open} jobs still open after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export const eventOf = (pipeline: Pipeline, tweetId: string) =>
  pipeline.database.db.tweetEvent.findUniqueOrThrow({
    where: { tweetId },
    include: { reply: true },
  });

/** A delivery signed as X signs it, POSTed to the webhook over HTTP. */
export async function deliverSigned(pipeline: Pipeline, body: string, signal?: AbortSignal) {
  const signature = createHmac("sha256", SIMULATED_X_CONSUMER.consumerSecret)
    .update(body)
    .digest("base64");
  return fetch(pipeline.webhookUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-twitter-webhooks-signature": `sha256=${signature}`,
    },
    body,
    signal,
  });
}

/** X Activity API's post.delete for a Post (X sends it to a subscription on the author). */
export const xaaPostDelete = (tweetId: string, authorId: string) =>
  JSON.stringify({
    data: {
      event_uuid: "-2781149976877970683",
      filter: { user_id: authorId },
      event_type: "post.delete",
      tag: "replycart",
      payload: { id: tweetId, author_id: authorId },
      includes: {},
    },
  });

/** A filtered-stream webhook delivery (v2 Post) of a simulator user's reply, as X sends it. */
export function streamReply(
  post: { id: string; text: string; parentId: string } & (
    { username: keyof typeof SIM_USERS } | { username: string; authorId: string }
  ),
) {
  const authorId = "authorId" in post ? post.authorId : SIM_USERS[post.username];
  const hashtags = [...post.text.matchAll(/#(\w+)/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    tag: match[1],
  }));
  return JSON.stringify({
    data: {
      id: post.id,
      text: post.text,
      author_id: authorId,
      conversation_id: post.parentId,
      created_at: new Date().toISOString(),
      edit_history_tweet_ids: [post.id],
      referenced_tweets: [{ type: "replied_to", id: post.parentId }],
      entities: { hashtags },
    },
    includes: { users: [{ id: authorId, username: post.username }] },
    matching_rules: [{ id: "1", tag: "replycart" }],
  });
}

/** How many answers the brand posted at X (the simulator) in reply to `tweetId`. */
export async function answersAtX(pipeline: Pipeline, tweetId: string): Promise<number> {
  const { posts } = await simJson<{ posts: { inReplyTo?: { id: string } }[] }>(
    pipeline.sim,
    "/_sim/timeline?username=replycart",
  );
  return posts.filter((post) => post.inReplyTo?.id === tweetId).length;
}

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
