import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCartItems } from "@/lib/cart/count-cart-items";
import { getProductPost } from "@/lib/catalog/get-product-post";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { countWaitingReplies } from "@/lib/outbox/count-waiting-replies";
import { listMyReplies } from "@/lib/replies/history/list-my-replies";
import { describeReply } from "@/lib/replies/history/describe-reply";
import { orderNumber } from "@/lib/orders/order-number";
import { purgeReplyHistory } from "@/lib/replies/history/purge-reply-history";
import {
  checkOutAll,
  createCartLine,
  createReplyRow,
  nextTweetId,
  seedShop,
  signedInUser,
} from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The data behind "My replies", the header's cart count and the notes on /account and
// /admin/x, read from real Postgres through the functions the pages call.

let database: TestDatabase;
let alice: User;
let bob: User;
const db = () => database.db;

/** One inbox row: received `minutesAgo`, processed unless told otherwise. */
async function reply(
  user: User | null,
  minutesAgo: number,
  data: Partial<Prisma.TweetEventUncheckedCreateInput> = {},
) {
  const tweetId = nextTweetId();
  return createReplyRow(db(), {
    tweetId,
    authorXId: user === bob ? "bob-x" : "alice-x",
    text: "@replycart #addtocart",
    raw: { data: { id: tweetId } },
    status: "DONE",
    outcome: "ADDED",
    productId: "us-organic-tee",
    quantity: 1,
    userId: user?.id ?? null,
    receivedAt: new Date(Date.now() - minutesAgo * 60_000),
    ...data,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedShop(db());
  alice = (await signedInUser(db())).user;
  bob = (await signedInUser(db())).user;
});
afterAll(() => database?.drop());

describe("listMyReplies", () => {
  it("lists only the shopper's own replies, newest first, without ignored ones", async () => {
    const old = await reply(alice, 30, { outcome: "OUT_OF_STOCK" });
    const fresh = await reply(alice, 1, { status: "RECEIVED", outcome: null, productId: null });
    await reply(alice, 2, { outcome: "IGNORED" });
    await reply(bob, 0, { text: "bob's reply" });
    await reply(null, 0);

    const { replies, nextCursor } = await listMyReplies(alice.id, {}, db());
    expect(replies.map((row) => row.id)).toEqual([fresh.id, old.id]);
    expect(replies[1]).toMatchObject({
      outcome: "OUT_OF_STOCK",
      product: { title: "Organic Cotton Tee", marketplace: { cartWord: "cart" } },
    });
    expect(nextCursor).toBeNull();
  });

  it("shows a reply whose line was checked out as ordered, with its order", async () => {
    const dora = (await signedInUser(db())).user;
    const { tweetId } = await createCartLine(db(), dora, {
      productId: "us-stoneware-mug",
      quantity: 2,
      byReply: true,
    });
    const before = await listMyReplies(dora.id, {}, db());
    expect(before.replies).toEqual([expect.objectContaining({ tweetId, order: null })]);

    const orderId = await checkOutAll(db(), dora);

    const { replies } = await listMyReplies(dora.id, {}, db());
    expect(replies).toEqual([
      expect.objectContaining({ tweetId, order: { id: orderId, number: orderNumber(orderId) } }),
    ]);
    expect(describeReply(replies[0]!)).toMatchObject({
      label: "Ordered",
      action: { href: `/orders/${orderId}` },
    });
  });

  it("pages through 45 replies with a cursor, each once, in order", async () => {
    const carol = (await signedInUser(db())).user;
    const at = new Date();
    // Rows received in the same millisecond are still ordered (by id) and none is skipped.
    for (let i = 0; i < 45; i += 1)
      await reply(carol, i < 10 ? 0 : i, { receivedAt: i < 10 ? at : undefined });
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listMyReplies(carol.id, { before, limit: 20 }, db());
      expect(page.replies.length).toBeLessThanOrEqual(20);
      seen.push(...page.replies.map((row) => row.id));
      before = page.nextCursor ?? undefined;
      pages += 1;
    } while (before);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(45);
    const times = await db().tweetEvent.findMany({
      where: { id: { in: seen } },
      select: { id: true, receivedAt: true },
    });
    const timeOf = new Map(times.map((row) => [row.id, row.receivedAt.getTime()]));
    const ordered = seen.map((id) => timeOf.get(id)!);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  it("starts over with another shopper's row as the cursor", async () => {
    const bobs = await reply(bob, 0);
    const first = await listMyReplies(alice.id, {}, db());
    const withForeignCursor = await listMyReplies(alice.id, { before: bobs.id }, db());
    expect(withForeignCursor.replies.map((row) => row.id)).toEqual(
      first.replies.map((row) => row.id),
    );
  });

  it("tells whose held add was claimed", async () => {
    const dave = (await signedInUser(db())).user;
    const held = await reply(dave, 3, { outcome: "NOT_LINKED" });
    const other = await reply(dave, 4, { outcome: "NOT_LINKED" });
    await db().pendingAdd.createMany({
      data: [
        {
          xUserId: "dave-x",
          productId: "us-organic-tee",
          quantity: 1,
          sourceTweetId: held.tweetId,
          status: "CLAIMED",
          claimedById: dave.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
        {
          xUserId: "dave-x",
          productId: "us-organic-tee",
          quantity: 1,
          sourceTweetId: other.tweetId,
          status: "CLAIMED",
          claimedById: bob.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      ],
    });
    const { replies } = await listMyReplies(dave.id, {}, db());
    expect(replies.map((row) => [row.id, row.pendingAdd])).toEqual([
      [held.id, "CLAIMED"],
      [other.id, null],
    ]);
  });
});

describe("purgeReplyHistory", () => {
  it("forgets the text and raw JSON of the shopper's processed replies only", async () => {
    const erin = (await signedInUser(db())).user;
    const done = await reply(erin, 5, { outcome: "ADDED" });
    const processing = await reply(erin, 1, { status: "RECEIVED", outcome: null });
    const bobs = await reply(bob, 5, { text: "bob keeps this" });

    expect(await purgeReplyHistory(erin.id, db())).toEqual({ purged: 1 });

    const rows = await db().tweetEvent.findMany({
      where: { id: { in: [done.id, processing.id, bobs.id] } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(done.id)).toMatchObject({
      text: null,
      raw: null,
      outcome: "ADDED",
      userId: erin.id,
    });
    expect(byId.get(processing.id)?.text).not.toBeNull();
    expect(byId.get(bobs.id)).toMatchObject({
      text: "bob keeps this",
      raw: { data: { id: bobs.tweetId } },
    });
    expect(await purgeReplyHistory(erin.id, db())).toEqual({ purged: 0 });
  });
});

describe("counts", () => {
  it("sums the quantities of the shopper's cart lines, no one else's", async () => {
    const frank = (await signedInUser(db())).user;
    expect(await countCartItems(frank.id, db())).toBe(0);
    await db().cartItem.createMany({
      data: [
        { userId: frank.id, productId: "us-organic-tee", variant: "M", quantity: 2 },
        { userId: frank.id, productId: "us-stoneware-mug", quantity: 3 },
        { userId: bob.id, productId: "us-stoneware-mug", quantity: 7 },
      ],
    });
    expect(await countCartItems(frank.id, db())).toBe(5);
  });

  it("counts the bot's answers waiting to be posted", async () => {
    const before = await countWaitingReplies(db());
    const source = await reply(alice, 0);
    const sent = await reply(alice, 0);
    const answer = (inReplyToTweetId: string, status: "PENDING" | "SENT") => ({
      inReplyToTweetId,
      kind: "ADDED" as const,
      text: `answer ${inReplyToTweetId}`,
      status,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await db().outboundReply.createMany({
      data: [answer(source.tweetId, "PENDING"), answer(sent.tweetId, "SENT")],
    });
    expect(await countWaitingReplies(db())).toBe(before + 1);
  });
});

describe("getProductPost", () => {
  it("finds the product's latest post, or null when there is none", async () => {
    expect(await getProductPost("us-stoneware-mug", db())).toBeNull();
    await db().productTweet.createMany({
      data: [
        { tweetId: "501", productId: "us-stoneware-mug", postedAt: new Date(Date.now() - 60_000) },
        { tweetId: "502", productId: "us-stoneware-mug", postedAt: new Date() },
        { tweetId: "503", productId: "us-organic-tee", postedAt: new Date(Date.now() + 60_000) },
      ],
    });
    expect(await getProductPost("us-stoneware-mug", db())).toEqual({
      tweetId: "502",
      username: null,
    });
  });
});
