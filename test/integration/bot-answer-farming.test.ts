import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/fixtures";
import {
  answersAtX,
  eventOf,
  newLinkedShopper,
  settle,
  simJson,
  simPost,
  startPipeline,
  workerLog,
  type Pipeline,
} from "./support/reply-pipeline";

// Issue 25: any X account can reply with the hashtag, and each answer costs the shop a post
// (a link-your-account answer $0.200) and a place in the brand's 100 posts per 15 minutes.
// These make the farming cheap to refuse: the simulator plays X, Postgres and the workers are
// real.

let pipeline: Pipeline;
let mugPost: string;
let teePost: string;
beforeAll(async () => {
  pipeline = await startPipeline({ env: { BOT_NON_ADDED_ANSWERS_PER_HOUR: "1" } });
  const { db } = pipeline.database;
  mugPost = (await postProductOnX(db, "us-stoneware-mug", APP_URL)).tweetId;
  teePost = (await postProductOnX(db, "us-organic-tee", APP_URL)).tweetId;
});
afterAll(async () => {
  if (workerLog.length) console.log(workerLog.join("\n"));
  await pipeline?.close();
});

const db = () => pipeline.database.db;

/** An X user at the simulator who never linked a shop account. */
const unlinkedXUser = (username: string) =>
  simJson(pipeline.sim, "/_sim/users", { username, name: username });

/** The workers again, with `env` on top of what they had. */
async function restartWorkers(env: Record<string, string>) {
  await pipeline.stopWorkers();
  Object.assign(process.env, env);
  await pipeline.startWorkers();
}

describe("answers other than added", () => {
  it("one X user's non-added replies within the hour get one answer; each is recorded", async () => {
    await unlinkedXUser("farmer");
    const replies: string[] = [];
    // One at a time, so the first is the one answered.
    for (const [text, parent] of [
      ["#addtocart", mugPost],
      ["#addtobasket", mugPost],
      ["#addtocart size XXL", teePost],
      ["#addtocart again", mugPost],
    ] as const) {
      replies.push(await simPost(pipeline.sim, "farmer", text, parent));
      await settle(pipeline);
    }
    const events = await Promise.all(replies.map((reply) => eventOf(pipeline, reply)));
    expect(events.map((event) => [event.status, event.outcome])).toEqual([
      ["DONE", "NOT_LINKED"],
      ["DONE", "WRONG_MARKETPLACE"],
      ["DONE", "UNKNOWN_SIZE"],
      ["DONE", "NOT_LINKED"],
    ]);
    expect(events.map((event) => event.reply?.status ?? null)).toEqual(["SENT", null, null, null]);
    const atX = await Promise.all(replies.map((reply) => answersAtX(pipeline, reply)));
    expect(atX).toEqual([1, 0, 0, 0]);
  });

  it("added answers are not limited by it", async () => {
    await newLinkedShopper(pipeline, "keen");
    const replies: string[] = [];
    for (const text of ["#addtocart size XXL", "#addtocart size M", "#addtocart 2 size S"]) {
      replies.push(await simPost(pipeline.sim, "keen", text, teePost));
      await settle(pipeline);
    }
    const events = await Promise.all(replies.map((reply) => eventOf(pipeline, reply)));
    expect(events.map((event) => event.outcome)).toEqual(["UNKNOWN_SIZE", "ADDED", "ADDED"]);
    const atX = await Promise.all(replies.map((reply) => answersAtX(pipeline, reply)));
    expect(atX).toEqual([1, 1, 1]);
  });
});

describe("the brand's posting budget", () => {
  it("with the budget taken by non-added answers from many users, an added answer still goes out", async () => {
    // Four posts per window, at most half of them for answers other than added.
    await restartWorkers({ BOT_REPLIES_PER_15_MINUTES: "4", BOT_NON_ADDED_SHARE_PERCENT: "50" });
    // A fresh window for the brand: what the tests above posted is not counted.
    await db().$executeRaw`DELETE FROM "rate_limits" WHERE "key" LIKE 'bot-replies%'`;
    const strangers = Array.from({ length: 6 }, (_, n) => `stranger${n}`);
    for (const name of strangers) await unlinkedXUser(name);
    await newLinkedShopper(pipeline, "buyer");

    // Six link-your-account answers come in first, then the buyer's add.
    const unlinked: string[] = [];
    for (const name of strangers)
      unlinked.push(await simPost(pipeline.sim, name, "#addtocart", mugPost));
    const added = await simPost(pipeline.sim, "buyer", "#addtocart", mugPost);
    await settle(pipeline);

    const event = await eventOf(pipeline, added);
    expect(event.outcome).toBe("ADDED");
    expect(event.reply?.status).toBe("SENT");
    expect(await answersAtX(pipeline, added)).toBe(1);
    // The rest waits for the next window (or expires): never more than the share.
    const sent = await db().outboundReply.count({
      where: { inReplyToTweetId: { in: unlinked }, status: "SENT" },
    });
    expect(sent).toBe(2);
    expect(
      await db().outboundReply.count({
        where: { inReplyToTweetId: { in: unlinked }, status: "PENDING" },
      }),
    ).toBe(strangers.length - 2);
  });
});

describe("replies to posts the shop does not know", () => {
  it("past the X user's limit, nothing is read from X and the replies are rate_limited", async () => {
    // A reply that needs its parent read at X counts as five against ten a minute.
    await restartWorkers({ REPLY_ADDS_PER_MINUTE: "10", REPLY_PARENT_LOOKUP_WEIGHT: "5" });
    await unlinkedXUser("looker");
    const parents: string[] = [];
    for (let n = 0; n < 6; n++)
      parents.push(await simPost(pipeline.sim, "carol", `a post of mine, number ${n}`));
    await settle(pipeline);
    const readsBefore = (await simJson<Record<string, number>>(pipeline.sim, "/_sim/requests"))[
      "tweets.byId"
    ];

    // Mentioning the brand is what brings a reply to someone else's post (XAA mentions).
    const replies: string[] = [];
    for (const [n, parent] of parents.entries())
      replies.push(await simPost(pipeline.sim, "looker", `@replycart #addtocart ${n}`, parent));
    await settle(pipeline);

    const readsAfter = (await simJson<Record<string, number>>(pipeline.sim, "/_sim/requests"))[
      "tweets.byId"
    ];
    expect((readsAfter ?? 0) - (readsBefore ?? 0)).toBe(2);
    const outcomes = await Promise.all(
      replies.map(async (reply) => (await eventOf(pipeline, reply)).outcome),
    );
    expect(outcomes.filter((outcome) => outcome === "RATE_LIMITED")).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome === "NO_PRODUCT")).toHaveLength(2);
    expect(await db().parentPost.count({ where: { tweetId: { in: parents } } })).toBe(2);
  });
});
