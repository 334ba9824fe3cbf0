import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/fixtures";
import {
  deliverSigned,
  eventOf,
  linkedShopper,
  settle,
  SIM_USERS,
  simJson,
  simPost,
  startPipeline,
  streamReply,
  type Pipeline,
  answersAtX,
} from "./support/reply-pipeline";

// However often and by whichever road a reply arrives, it counts once: one inbox row, one cart
// contribution, one bot answer.

let pipeline: Pipeline;
let mugPost: string;
let lampPost: string;
beforeAll(async () => {
  pipeline = await startPipeline();
  mugPost = (await postProductOnX(pipeline.database.db, "us-stoneware-mug", APP_URL)).tweetId;
  lampPost = (await postProductOnX(pipeline.database.db, "us-reading-lamp", APP_URL)).tweetId;
});
afterAll(() => pipeline?.close());

const db = () => pipeline.database.db;

type Delivery = { body: string; eventType: string; kind: string };
/** The exact bytes X (the simulator) delivered for a Post. */
async function deliveredBody(tweetId: string): Promise<string> {
  const { deliveries } = await simJson<{ deliveries: Delivery[] }>(
    pipeline.sim,
    "/_sim/deliveries?kind=xaa",
  );
  const found = deliveries.find(
    (d) => d.eventType === "post.reply.create" && d.body.includes(`"id":"${tweetId}"`),
  );
  if (!found) throw new Error(`no delivery of ${tweetId}`);
  return found.body;
}

/** Account Activity's v1.1 shape of a reply: numeric ids too big for a double, truncated text. */
const aaaReply = (id: string, authorId: string, parentId: string, text: string) =>
  `{"for_user_id":"${SIM_USERS.replycart}","tweet_create_events":[{"created_at":"Wed Nov 25 10:00:00 +0000 2026","id":${id},"id_str":"${id}","text":"${text.slice(0, 20)}… https://t.co/x","truncated":true,"extended_tweet":{"full_text":"${text}","entities":{"hashtags":[{"text":"addtocart","indices":[0,10]}]}},"in_reply_to_status_id":${parentId},"in_reply_to_status_id_str":"${parentId}","user":{"id":${authorId},"id_str":"${authorId}","screen_name":"someone"}}]}`;

describe("one reply, many deliveries", () => {
  it("the same body 20 times: one inbox row, one cart line, one bot reply", async () => {
    const alice = await linkedShopper(pipeline, "alice");
    const reply = await simPost(pipeline.sim, "alice", "#addtocart 2 please", mugPost);
    await settle(pipeline);
    const body = await deliveredBody(reply);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await deliverSigned(pipeline, body)).status),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    await settle(pipeline);

    expect(await db().tweetEvent.count({ where: { tweetId: reply } })).toBe(1);
    expect(await db().cartItem.findMany({ where: { userId: alice.id } })).toEqual([
      expect.objectContaining({ productId: "us-stoneware-mug", quantity: 2 }),
    ]);
    expect(await db().outboundReply.count({ where: { inReplyToTweetId: reply } })).toBe(1);
    expect(await answersAtX(pipeline, reply)).toBe(1);
  });

  it("the same reply through XAA, the stream webhook and AAA: one line", async () => {
    const dave = await linkedShopper(pipeline, "dave");
    const reply = await simPost(pipeline.sim, "dave", "#addtocart the lamp", lampPost);
    const stream = streamReply({
      id: reply,
      username: "dave",
      text: "#addtocart the lamp",
      parentId: lampPost,
    });
    const aaa = aaaReply(reply, SIM_USERS.dave, lampPost, "#addtocart the lamp");
    for (const body of [stream, aaa, stream, aaa])
      expect((await deliverSigned(pipeline, body)).status).toBe(200);
    await settle(pipeline);
    expect(await db().tweetEvent.count({ where: { tweetId: reply } })).toBe(1);
    const lines = await db().cartItem.findMany({
      where: { userId: dave.id },
      include: { sources: true },
    });
    expect(lines).toEqual([expect.objectContaining({ productId: "us-reading-lamp", quantity: 1 })]);
    expect(lines[0]?.sources).toHaveLength(1);
    expect(await answersAtX(pipeline, reply)).toBe(1);
  });

  it("an original and 5 edits: one line, keyed on the original id", async () => {
    const carol = await linkedShopper(pipeline, "carol");
    const original = await simPost(pipeline.sim, "carol", "#addtocart 3", mugPost);
    let latest = original;
    for (let edit = 1; edit <= 5; edit++) {
      const edited = await simJson<{ data: { id: string } }>(
        pipeline.sim,
        `/_sim/posts/${latest}/edit`,
        { text: `#addtocart 3 (edit ${edit})` },
      );
      latest = edited.data.id;
    }
    await settle(pipeline);
    expect(latest).not.toBe(original);
    expect(await db().tweetEvent.count({ where: { authorXId: SIM_USERS.carol } })).toBe(1);
    expect((await eventOf(pipeline, original)).outcome).toBe("ADDED");
    expect(await db().cartItem.findMany({ where: { userId: carol.id } })).toEqual([
      expect.objectContaining({ productId: "us-stoneware-mug", quantity: 3 }),
    ]);
    expect(await db().tweetVersion.count({ where: { tweetId: original } })).toBe(6);
  });

  it("deliveries in shuffled order fill the cart the same way", async () => {
    const { db: prisma } = pipeline.database;
    const bob = await linkedShopper(pipeline, "bob");
    // Bob's replies exist at X; their deliveries are built here and sent in a random order.
    const replies = [];
    for (const [parent, n] of [
      [mugPost, 1],
      [mugPost, 2],
      [lampPost, 3],
      [lampPost, 4],
    ] as const)
      replies.push({
        parent,
        id: await simPost(pipeline.sim, "bob", `#addtocart x${n}`, parent),
        n,
      });
    await settle(pipeline);
    const before = await prisma.cartItem.findMany({
      where: { userId: bob.id },
      select: { productId: true, quantity: true },
      orderBy: { productId: "asc" },
    });
    const bodies = replies.flatMap((reply) => [
      streamReply({
        id: reply.id,
        username: "bob",
        text: `#addtocart x${reply.n}`,
        parentId: reply.parent,
      }),
      aaaReply(reply.id, SIM_USERS.bob, reply.parent, `#addtocart x${reply.n}`),
    ]);
    for (let round = 0; round < 3; round++) {
      const shuffled = [...bodies].sort(() => Math.random() - 0.5);
      await Promise.all(shuffled.map((body) => deliverSigned(pipeline, body)));
    }
    await settle(pipeline);
    const after = await prisma.cartItem.findMany({
      where: { userId: bob.id },
      select: { productId: true, quantity: true },
      orderBy: { productId: "asc" },
    });
    expect(before).toEqual([
      { productId: "us-reading-lamp", quantity: 7 },
      { productId: "us-stoneware-mug", quantity: 3 },
    ]);
    expect(after).toEqual(before);
  });
});

describe("the per-user cap", () => {
  it("holds under 100 replies in a minute: 20 adds, one rate_limited answer, then silence", async () => {
    const { db: prisma } = pipeline.database;
    const user = await prisma.user.create({ data: { email: "flood@example.com" } });
    await prisma.account.create({
      data: {
        userId: user.id,
        type: "oauth",
        provider: "twitter",
        providerAccountId: "1800000000000000009",
      },
    });
    await simJson(pipeline.sim, "/_sim/users", { username: "flood", name: "Flood" });
    const { users } = await simJson<{ users: { id: string; username: string }[] }>(
      pipeline.sim,
      "/_sim/users",
    );
    const floodId = users.find((u) => u.username === "flood")?.id;
    await prisma.account.updateMany({
      where: { userId: user.id },
      data: { providerAccountId: floodId },
    });
    for (let n = 0; n < 100; n++)
      await simPost(pipeline.sim, "flood", `#addtocart number ${n}`, n % 2 ? mugPost : lampPost);
    await settle(pipeline, 60_000);

    const outcomes = await prisma.tweetEvent.groupBy({
      by: ["outcome"],
      where: { authorXId: floodId },
      _count: true,
    });
    expect(Object.fromEntries(outcomes.map((o) => [o.outcome, o._count]))).toEqual({
      ADDED: 20,
      RATE_LIMITED: 80,
    });
    const answers = await prisma.outboundReply.groupBy({
      by: ["kind"],
      where: { source: { authorXId: floodId } },
      _count: true,
    });
    expect(Object.fromEntries(answers.map((a) => [a.kind, a._count]))).toEqual({
      ADDED: 20,
      RATE_LIMITED: 1,
    });
    // Nothing past the cap reached the cart.
    const lines = await prisma.cartItem.findMany({ where: { userId: user.id } });
    const inCart = lines.reduce((sum, line) => sum + line.quantity, 0);
    expect(inCart).toBeGreaterThan(0);
    expect(inCart).toBeLessThanOrEqual(20);
  });
});
