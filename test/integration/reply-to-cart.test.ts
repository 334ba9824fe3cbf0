import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { replyRef } from "@/lib/replies/process/bot-reply-text";
import { claimPendingAdds } from "@/lib/replies/pending/claim-pending-adds";
import { expirePendingAdds } from "@/lib/replies/pending/expire-pending-adds";
import { sweepInbox } from "@/lib/ingest/sweep-inbox";
import { APP_URL, createReplyRow, setStock } from "./support/fixtures";
import {
  deliverSigned,
  eventOf,
  isLinked,
  linkedShopper,
  newLinkedShopper,
  settle,
  SIM_USERS,
  simJson,
  simPost,
  startPipeline,
  streamReply,
  type Pipeline,
  workerLog,
  xaaPostDelete,
} from "./support/reply-pipeline";

// Every outcome of a hashtag reply, from a post in the simulator (X) through the signed webhook
// and the workers to the cart, and the bot's answer posted back at X.

let pipeline: Pipeline;
let teePost: string;
let ukTeePost: string;
let mugPost: string;
beforeAll(async () => {
  // Each outcome's own answer is looked at here, several from one X user within the hour:
  // the hourly limit on them is bot-answer-farming.test.ts's.
  pipeline = await startPipeline({ env: { BOT_NON_ADDED_ANSWERS_PER_HOUR: "1000" } });
  const { db } = pipeline.database;
  teePost = (await postProductOnX(db, "us-organic-tee", APP_URL)).tweetId;
  ukTeePost = (await postProductOnX(db, "uk-organic-tee", APP_URL)).tweetId;
  mugPost = (await postProductOnX(db, "us-stoneware-mug", APP_URL)).tweetId;
});
afterAll(async () => {
  // Retries and failures the workers logged, to read when a test here fails.
  if (workerLog.length) console.log(workerLog.join("\n"));
  await pipeline?.close();
});

const db = () => pipeline.database.db;

type TimelinePost = { id: string; text: string; inReplyTo?: { id: string } };
/** The brand's replies at X (the simulator), keyed by the post they answer. */
async function botRepliesAtX(): Promise<Map<string, TimelinePost[]>> {
  const { posts } = await simJson<{ posts: TimelinePost[] }>(
    pipeline.sim,
    "/_sim/timeline?username=replycart",
  );
  const byParent = new Map<string, TimelinePost[]>();
  for (const post of posts)
    if (post.inReplyTo)
      byParent.set(post.inReplyTo.id, [...(byParent.get(post.inReplyTo.id) ?? []), post]);
  return byParent;
}

describe("a linked shopper's reply", () => {
  it("puts the product in the cart with quantity and size, and the bot says so at X", async () => {
    const alice = await linkedShopper(pipeline, "alice");
    const reply = await simPost(pipeline.sim, "alice", "@replycart #addtocart 2 size m", teePost);
    await settle(pipeline);

    const event = await eventOf(pipeline, reply);
    expect(event).toMatchObject({
      status: "DONE",
      outcome: "ADDED",
      userId: alice.id,
      quantity: 2,
    });
    const lines = await db().cartItem.findMany({
      where: { userId: alice.id },
      include: { sources: true },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        productId: "us-organic-tee",
        variant: "M",
        quantity: 2,
        sources: [expect.objectContaining({ tweetId: reply, quantity: 2 })],
      }),
    ]);
    expect(event.reply).toMatchObject({ status: "SENT", kind: "ADDED", attempts: 1 });
    const atX = (await botRepliesAtX()).get(reply) ?? [];
    expect(atX).toHaveLength(1);
    expect(atX[0]?.id).toBe(event.reply?.postedTweetId);
    expect(atX[0]?.text).toContain("2 × Organic");
    expect(atX[0]?.text).toContain(`ref ${replyRef(reply)}`);
  });

  it("raises the quantity of a line already in the cart, never past 10", async () => {
    const dave = await linkedShopper(pipeline, "dave");
    // One after the other, so the amounts each reply added are known.
    for (const text of ["#addtocart qty 6", "#addtocart x3", "#addtocart 5"]) {
      await simPost(pipeline.sim, "dave", text, mugPost);
      await settle(pipeline);
    }
    const line = await db().cartItem.findFirstOrThrow({
      where: { userId: dave.id },
      include: { sources: true },
    });
    expect(line.quantity).toBe(10);
    // Each source records what it really added: the last got only what was left.
    expect(line.sources.map((source) => source.quantity).sort((a, b) => a - b)).toEqual([1, 3, 6]);
  });
});

describe("outcomes other than added", () => {
  async function outcomeOf(username: string, text: string, parent?: string) {
    const reply = await simPost(pipeline.sim, username, text, parent);
    await settle(pipeline);
    return eventOf(pipeline, reply);
  }

  it("unknown size: nothing added, the answer lists the sizes", async () => {
    const event = await outcomeOf("alice", "#addtocart size XXL", teePost);
    expect(event.outcome).toBe("UNKNOWN_SIZE");
    // Not added, but still alice's: it shows on her "My replies".
    expect(event.userId).toBe(
      (await db().account.findFirstOrThrow({ where: { providerAccountId: SIM_USERS.alice } }))
        .userId,
    );
    expect(event.reply?.text).toMatch(/size S, size M, size L, size XL/);
    expect(await db().cartItemSource.count({ where: { tweetId: event.tweetId } })).toBe(0);
  });

  it("a size is needed when the product has sizes and the reply names none", async () => {
    expect((await outcomeOf("alice", "#addtocart please", teePost)).outcome).toBe("UNKNOWN_SIZE");
  });

  it("wrong marketplace: the answer names the right hashtag", async () => {
    const event = await outcomeOf("alice", "#addtobasket size M", teePost);
    expect(event.outcome).toBe("WRONG_MARKETPLACE");
    expect(event.reply?.text).toContain("#addtocart");
    const uk = await outcomeOf("alice", "#addtocart size M", ukTeePost);
    expect(uk.reply?.text).toContain("#addtobasket");
  });

  it("out of stock", async () => {
    await setStock(db(), "us-stoneware-mug", 0);
    try {
      const event = await outcomeOf("alice", "#addtocart one mug", mugPost);
      expect(event.outcome).toBe("OUT_OF_STOCK");
      expect(event.reply?.text).toMatch(/out of stock/);
    } finally {
      await setStock(db(), "us-stoneware-mug", 40);
    }
  });

  it("a sold-out size: the answer names it and offers the sizes in stock", async () => {
    const { user } = await newLinkedShopper(pipeline, "sizes");
    const TEE = "us-organic-tee";
    await setStock(db(), TEE, 0, "M");
    await setStock(db(), TEE, 0, "XL");
    try {
      const soldOut = await outcomeOf("sizes", "#addtocart size M", teePost);
      expect(soldOut).toMatchObject({ outcome: "OUT_OF_STOCK", size: "M", userId: user.id });
      expect(soldOut.reply?.text).toMatch(
        /^Sorry, Organic Cotton Tee is sold out in size M, so nothing was added to your cart\. Sizes S and L are in stock: reply with one of them\./,
      );
      expect(await db().cartItemSource.count({ where: { tweetId: soldOut.tweetId } })).toBe(0);

      // Asked which size, the bot offers only those it can add.
      const which = await outcomeOf("sizes", "#addtocart please", teePost);
      expect(which.outcome).toBe("UNKNOWN_SIZE");
      expect(which.reply?.text).toMatch(/Reply again with one of: size S, size L\./);

      const other = await outcomeOf("sizes", "#addtocart size L", teePost);
      expect(other).toMatchObject({ outcome: "ADDED", size: "L", quantity: 1 });
      expect(
        await db().cartItem.findMany({ where: { userId: user.id }, select: { variant: true } }),
      ).toEqual([{ variant: "L" }]);

      // Sold out in every size: no size to ask about.
      await setStock(db(), TEE, 0, "S");
      await setStock(db(), TEE, 0, "L");
      const none = await outcomeOf("sizes", "#addtocart one please", teePost);
      expect(none.outcome).toBe("OUT_OF_STOCK");
      expect(none.reply?.text).toMatch(/^Sorry, Organic Cotton Tee is out of stock right now/);
    } finally {
      for (const size of ["S", "M", "L", "XL"]) await setStock(db(), TEE, 15, size);
    }
  });

  it("adds only what the stock allows, says so, and then that all of it is in the cart", async () => {
    // A shopper of their own: the others' replies here count towards their per-minute adds.
    const { user } = await newLinkedShopper(pipeline, "stockcap");
    const mugLine = () =>
      db().cartItem.findFirst({ where: { userId: user.id, productId: "us-stoneware-mug" } });
    await setStock(db(), "us-stoneware-mug", 3);
    try {
      const capped = await outcomeOf("stockcap", "#addtocart 8", mugPost);
      expect(capped).toMatchObject({ outcome: "ADDED", quantity: 3 });
      expect(capped.reply?.text).toMatch(/^Added 3 × Stoneware Mug, all we have, to your cart\./);
      expect((await mugLine())?.quantity).toBe(3);

      const none = await outcomeOf("stockcap", "#addtocart 2", mugPost);
      expect(none.outcome).toBe("OUT_OF_STOCK");
      expect(none.reply?.text).toMatch(/^All the Stoneware Mug we have are already in your cart/);
      expect((await mugLine())?.quantity).toBe(3);
      expect(await db().cartItemSource.count({ where: { tweetId: none.tweetId } })).toBe(0);
    } finally {
      await setStock(db(), "us-stoneware-mug", 40);
    }
  });

  it("unsupported: a digital product named by a link in the reply", async () => {
    const event = await outcomeOf("alice", `@replycart #addtocart ${APP_URL}/p/us-gift-card`);
    expect(event.outcome).toBe("UNSUPPORTED");
    expect(event.productId).toBe("us-gift-card");
  });

  it("no product: a reply to someone else's post without a shop link; X is asked once", async () => {
    const other = await simPost(
      pipeline.sim,
      "carol",
      "look at my cat https://evil.example/p/us-organic-tee",
    );
    // Mentioning the brand is what brings a reply to someone else's post to us (XAA mentions).
    const first = await outcomeOf("alice", "@replycart #addtocart the cat", other);
    const second = await outcomeOf("bob", "@replycart #addtocart that cat", other);
    expect([first.outcome, second.outcome]).toEqual(["NO_PRODUCT", "NO_PRODUCT"]);
    expect(await db().parentPost.findUnique({ where: { tweetId: other } })).toMatchObject({
      productId: null,
    });
  });

  it("a parent post of someone else that links to the shop resolves the product", async () => {
    const quote = await simPost(pipeline.sim, "carol", `love this ${APP_URL}/p/us-daypack`);
    const event = await outcomeOf("alice", "@replycart #addtocart the daypack", quote);
    expect(event).toMatchObject({ outcome: "ADDED", productId: "us-daypack" });
  });

  it("ignored: no hashtag, or the brand's own post; no answer", async () => {
    const plain = await outcomeOf("alice", "nice tee!", teePost);
    // The brand's own replies reach us only through the filtered stream.
    const ownId = "1999999999999999001";
    const own = streamReply({
      id: ownId,
      username: "replycart",
      text: "#addtocart thanks everyone",
      parentId: teePost,
    });
    expect((await deliverSigned(pipeline, own)).status).toBe(200);
    await settle(pipeline);
    for (const event of [plain, await eventOf(pipeline, ownId)])
      expect(event).toMatchObject({ outcome: "IGNORED", reply: null });
  });

  it("a full-width ＃ＡＤＤＴＯＣＡＲＴ counts; a Cyrillic look-alike does not", async () => {
    expect((await outcomeOf("alice", "＃ＡＤＤＴＯＣＡＲＴ size S", teePost)).outcome).toBe(
      "ADDED",
    );
    expect((await outcomeOf("alice", "#аddtocart size S", teePost)).outcome).toBe("IGNORED");
  });
});

describe("a shopper who has not linked", () => {
  it("gets the link-your-account answer, and finds the item in the cart after linking", async () => {
    const reply = await simPost(pipeline.sim, "bob", "#addtocart 3 size L", teePost);
    await settle(pipeline);
    const event = await eventOf(pipeline, reply);
    expect(event).toMatchObject({ outcome: "NOT_LINKED", userId: null });
    expect(event.reply).toMatchObject({ status: "SENT", urgent: false });
    expect(event.reply?.text).toContain(`${APP_URL}/account`);
    expect(await db().pendingAdd.findUnique({ where: { sourceTweetId: reply } })).toMatchObject({
      status: "PENDING",
      quantity: 3,
      variant: "L",
    });

    const bob = await linkedShopper(pipeline, "bob");
    expect(await db().cartItem.findMany({ where: { userId: bob.id } })).toEqual([
      expect.objectContaining({ productId: "us-organic-tee", variant: "L", quantity: 3 }),
    ]);
    expect(await db().pendingAdd.findUnique({ where: { sourceTweetId: reply } })).toMatchObject({
      status: "CLAIMED",
      claimedById: bob.id,
    });
    expect((await eventOf(pipeline, reply)).userId).toBe(bob.id);
  });
});

describe("the inbox sweep", () => {
  it("queues again a reply left RECEIVED without a job, and it is processed once", async () => {
    const reply = await simPost(pipeline.sim, "alice", "#addtocart size S, swept", teePost);
    await settle(pipeline);
    // As if its job had been lost: back to RECEIVED, undone, received 10 minutes ago.
    await db().cartItemSource.deleteMany({ where: { tweetId: reply } });
    await db().outboundReply.deleteMany({ where: { inReplyToTweetId: reply } });
    await db().$executeRaw`
      UPDATE "TweetEvent" SET "status" = 'RECEIVED', "outcome" = NULL,
        "receivedAt" = "receivedAt" - interval '10 minutes' WHERE "tweetId" = ${reply}`;
    expect(await sweepInbox(db())).toBe(1);
    expect(await sweepInbox(db())).toBe(0); // its job is open now
    await settle(pipeline);
    expect(await eventOf(pipeline, reply)).toMatchObject({ status: "DONE", outcome: "ADDED" });
    expect(await db().cartItemSource.count({ where: { tweetId: reply } })).toBe(1);
  });
});

describe("pending adds past their time", () => {
  it("expire, and do not land when the X user links later", async () => {
    const xUserId = "1800000000000000077";
    const make = async (sourceTweetId: string, expiresAt: Date) => {
      await createReplyRow(db(), {
        tweetId: sourceTweetId,
        authorXId: xUserId,
        status: "DONE",
        outcome: "NOT_LINKED",
      });
      await db().pendingAdd.create({
        data: { xUserId, productId: "us-daypack", quantity: 1, sourceTweetId, expiresAt },
      });
    };
    await make("1600000000000000001", new Date(Date.now() - 60_000));
    await make("1600000000000000002", new Date(Date.now() + 60_000));
    expect(await expirePendingAdds(db())).toBe(1);
    expect(await expirePendingAdds(db())).toBe(0);

    const user = await db().user.create({ data: { email: "late@example.com" } });
    const landed = await db().$transaction((tx) => claimPendingAdds(tx, user.id, xUserId));
    expect(landed).toBe(1);
    const statuses = await db().pendingAdd.findMany({
      where: { xUserId },
      orderBy: { sourceTweetId: "asc" },
      select: { status: true },
    });
    expect(statuses.map((row) => row.status)).toEqual(["EXPIRED", "CLAIMED"]);
    expect(await db().cartItem.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ productId: "us-daypack", quantity: 1 }),
    ]);
  });
});

describe("deletes and revokes", () => {
  it("a delete purges the reply's text and raw JSON and withdraws its quantity", async () => {
    const carol = await linkedShopper(pipeline, "carol");
    const keep = await simPost(pipeline.sim, "carol", "#addtocart size S", teePost);
    const gone = await simPost(pipeline.sim, "carol", "#addtocart 2 size S", teePost);
    await settle(pipeline);
    const line = () =>
      db().cartItem.findFirst({ where: { userId: carol.id, productId: "us-organic-tee" } });
    expect((await line())?.quantity).toBe(3);

    // X sends post.delete to a subscription on the author; signed like every delivery.
    expect((await deliverSigned(pipeline, xaaPostDelete(gone, SIM_USERS.carol))).status).toBe(200);
    await settle(pipeline);
    const event = await eventOf(pipeline, gone);
    expect(event).toMatchObject({ text: null, raw: null, outcome: "WITHDRAWN" });
    expect(event.deletedAt).not.toBeNull();
    expect((await line())?.quantity).toBe(1);
    expect(await db().cartItemSource.findUnique({ where: { tweetId: keep } })).not.toBeNull();
  });

  it("a revoke at X unlinks the shopper, and their next reply adds nothing to anyone's cart", async () => {
    expect(await isLinked(pipeline, SIM_USERS.carol)).toBe(true);
    await simJson(pipeline.sim, "/_sim/users/carol/revoke", {});
    await settle(pipeline);
    expect(await isLinked(pipeline, SIM_USERS.carol)).toBe(false);
    const reply = await simPost(pipeline.sim, "carol", "#addtocart size M after revoking", teePost);
    await settle(pipeline);
    expect((await eventOf(pipeline, reply)).outcome).toBe("NOT_LINKED");
    expect(await db().cartItemSource.count({ where: { tweetId: reply } })).toBe(0);
  });
});
