import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { postgresPacer } from "@/lib/outbox/pacing";
import { ATTEMPT_LEASE_MS, postBotReply } from "@/lib/outbox/post-bot-reply";
import { APP_URL, createReplyRow } from "./support/fixtures";
import {
  deliverSigned,
  linkedShopper,
  streamReply,
  settle,
  simJson,
  simPost,
  startPipeline,
  workerLog,
  type Pipeline,
  answersAtX,
  waitFor,
} from "./support/reply-pipeline";

// The bot's answers against X's failures, played by the simulator's fault switches: each is
// posted once, or recorded as refused, never twice.

let pipeline: Pipeline;
let mugPost: string;
beforeAll(async () => {
  pipeline = await startPipeline({
    // The brand may post twice per 4 seconds here, so X's 429 and its reset come quickly.
    simOptions: { rateLimits: { "tweets.create": [{ per: "user", limit: 2, windowMs: 4_000 }] } },
  });
  mugPost = (await postProductOnX(pipeline.database.db, "us-stoneware-mug", APP_URL)).tweetId;
  await linkedShopper(pipeline, "alice");
});
afterAll(async () => {
  if (workerLog.length) console.log(workerLog.join("\n"));
  await pipeline?.close();
});

const db = () => pipeline.database.db;
const faults = (switches: Record<string, unknown>) =>
  simJson(pipeline.sim, "/_sim/faults", switches);

const replyRow = (tweetId: string) =>
  db().outboundReply.findUniqueOrThrow({ where: { inReplyToTweetId: tweetId } });

describe("X's failures", () => {
  it("429 with a reset: each answer is posted once, after the reset", async () => {
    const replies: string[] = [];
    // When each refused answer was told to wait until (the outbox records it until it retries),
    // and when it was told.
    const resets = new Map<string, { until: number; at: number }>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const rows = await db().outboundReply.findMany({
          where: { inReplyToTweetId: { in: replies } },
        });
        for (const row of rows) {
          const until = row.lastError?.match(/429; waiting until (\S+)/)?.[1];
          // Seen first right after the 429 (a retry's claim keeps the text but moves updatedAt).
          if (until && resets.get(row.inReplyToTweetId)?.until !== Date.parse(until))
            resets.set(row.inReplyToTweetId, {
              until: Date.parse(until),
              at: row.updatedAt.getTime(),
            });
        }
        await sleep(100);
      }
    })();
    for (let n = 0; n < 4; n++)
      replies.push(await simPost(pipeline.sim, "alice", `#addtocart mug ${n}`, mugPost));
    await settle(pipeline);
    await waitFor(
      async () =>
        (await db().outboundReply.count({
          where: { inReplyToTweetId: { in: replies }, status: "SENT" },
        })) === replies.length,
      "every answer sent",
    );
    watching = false;
    await watch;
    for (const reply of replies) expect(await answersAtX(pipeline, reply)).toBe(1);
    // Some of them met X's 429 first and waited for its reset.
    const attempts = await Promise.all(replies.map(async (r) => (await replyRow(r)).attempts));
    expect(Math.max(...attempts)).toBeGreaterThan(1);
    // The wait ended on X's x-rate-limit-reset (epoch seconds: a whole second, within the next
    // 4-second window; not a guess of the outbox's own), and the next attempt came after it.
    expect(resets.size).toBeGreaterThan(0);
    for (const [reply, { until, at }] of resets) {
      expect(until % 1000).toBe(0);
      expect(until - at).toBeLessThanOrEqual(5_000);
      expect((await replyRow(reply)).attemptStartedAt?.getTime()).toBeGreaterThanOrEqual(until);
    }
  });

  it("503, then X recovers: posted once", async () => {
    await sleep(4_000); // a fresh rate-limit window
    await faults({ apiStatus: 503 });
    const reply = await simPost(pipeline.sim, "alice", "#addtocart during the outage", mugPost);
    await waitFor(
      async () => (await replyRow(reply).catch(() => null))?.lastError?.includes("503") ?? false,
      "a 503 from X",
    );
    expect(await answersAtX(pipeline, reply)).toBe(0);
    // It backs off (the first retry comes 5-10 s later), instead of asking X again at once.
    await sleep(3_000);
    expect((await replyRow(reply)).attempts).toBe(1);
    await faults({ apiStatus: null });
    await waitFor(async () => (await replyRow(reply)).status === "SENT", "the answer sent");
    expect(await answersAtX(pipeline, reply)).toBe(1);
    expect((await replyRow(reply)).attempts).toBeGreaterThan(1);
  });

  it("403 (X's self-serve reply rule): refused, recorded, never retried", async () => {
    await sleep(4_000);
    await faults({ selfServeReplyRule: true });
    try {
      // A reply that does not mention the brand, to a post that does not either: only the
      // filtered stream brings it, and X does not let the brand answer it.
      const parent = await simPost(pipeline.sim, "carol", `love it ${APP_URL}/p/us-stoneware-mug`);
      const reply = await simPost(pipeline.sim, "alice", "#addtocart same here", parent);
      const delivery = streamReply({
        id: reply,
        username: "alice",
        text: "#addtocart same here",
        parentId: parent,
      });
      expect((await deliverSigned(pipeline, delivery)).status).toBe(200);
      await waitFor(
        async () => (await replyRow(reply).catch(() => null))?.status === "REFUSED",
        "refused",
      );
      await sleep(2_000);
      const row = await replyRow(reply);
      expect(row).toMatchObject({ status: "REFUSED", attempts: 1 });
      expect(row.lastError).toMatch(/not allowed/);
      expect(await answersAtX(pipeline, reply)).toBe(0);
    } finally {
      await faults({ selfServeReplyRule: false });
    }
  });
});

describe("the outbox's own rules", () => {
  async function pendingAnswer(tweetId: string, expiresAt: Date) {
    await createReplyRow(db(), { tweetId, status: "DONE" });
    await db().outboundReply.create({
      data: { inReplyToTweetId: tweetId, kind: "ADDED", text: `hello ${tweetId}`, expiresAt },
    });
  }

  it("an answer past its time to live is recorded as expired, not posted", async () => {
    await pendingAnswer("1700000000000000001", new Date(Date.now() - 1_000));
    const result = await postBotReply("1700000000000000001", {
      db: db(),
      pacer: postgresPacer(100),
      post: () => Promise.reject(new Error("must not post")),
    });
    expect(result).toEqual({ done: "expired" });
    expect((await replyRow("1700000000000000001")).status).toBe("EXPIRED");
  });

  it("paces itself under the brand's budget, shared through Postgres", async () => {
    const pacer = postgresPacer(2, { windowSeconds: 900 });
    const turns = [];
    for (let n = 0; n < 3; n++) turns.push((await pacer.take("pacing-test-brand", "ADDED")).waitMs);
    expect(turns.slice(0, 2)).toEqual([0, 0]);
    expect(turns[2]).toBeGreaterThan(800_000);

    await pendingAnswer("1700000000000000002", new Date(Date.now() + 60_000));
    let posted = 0;
    const result = await postBotReply("1700000000000000002", {
      db: db(),
      pacer: { take: async () => ({ waitMs: 30_000 }), pauseUntil: async () => undefined },
      post: async () => String(++posted),
    });
    expect(result).toMatchObject({ why: "pacing under X's limit" });
    expect(posted).toBe(0);
    expect((await replyRow("1700000000000000002")).status).toBe("PENDING");
  });

  it("an attempt a crashed worker left open is taken over when its lease ends, not later", async () => {
    const tweetId = "1700000000000000003";
    await pendingAnswer(tweetId, new Date(Date.now() + 10 * 60_000));
    const started = new Date(Date.now() - 10_000);
    await db().outboundReply.update({
      where: { inReplyToTweetId: tweetId },
      data: { attempts: 1, attemptStartedAt: started },
    });
    let posted = 0;
    const deps = { db: db(), pacer: postgresPacer(100), post: async () => String(++posted) };
    const early = await postBotReply(tweetId, deps);
    expect(early).toEqual({
      waitUntil: new Date(started.getTime() + ATTEMPT_LEASE_MS + 1),
      why: "attempt in progress",
    });
    expect(posted).toBe(0);
    expect((await replyRow(tweetId)).attempts).toBe(1);

    // Just past the lease: this attempt claims it and posts.
    const later = await postBotReply(tweetId, {
      ...deps,
      now: () => new Date(started.getTime() + ATTEMPT_LEASE_MS + 1),
    });
    expect(later).toEqual({ done: "sent" });
    expect(await replyRow(tweetId)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(posted).toBe(1);
  });

  it("a retry after a 201 that was never recorded meets X's duplicate rule: posted once", async () => {
    const parent = await simPost(pipeline.sim, "carol", "a quiet post");
    const source = await simPost(pipeline.sim, "dave", "a reply no webhook brings", parent);
    await pendingAnswer(source, new Date(Date.now() + 60_000));
    const { text } = await replyRow(source);
    // The first attempt: X posted it, then the worker died before recording anything.
    await simJson(pipeline.sim, "/_sim/posts", {
      username: "replycart",
      text,
      in_reply_to_tweet_id: source,
    });
    await db().outboundReply.update({
      where: { inReplyToTweetId: source },
      data: { attempts: 1, attemptStartedAt: new Date(Date.now() - 120_000) },
    });
    const result = await postBotReply(source, { db: db(), pacer: postgresPacer(100) });
    expect(result).toEqual({ done: "sent" });
    expect(await replyRow(source)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await answersAtX(pipeline, source)).toBe(1);
  });
});
