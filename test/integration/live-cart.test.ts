import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { createPool } from "@/lib/database/pg-adapter";
import { CartEventHub, type HubEvent, type Subscription } from "@/lib/live/cart-event-hub";
import { openCartEventStream } from "@/lib/live/cart-event-stream";
import { claimPendingAdds } from "@/lib/replies/pending/claim-pending-adds";
import { processReplies, type ProcessDeps } from "@/lib/replies/process/process-replies";
import { withdrawReply } from "@/lib/replies/process/withdraw-reply";
import { configureAppEnvironment } from "./support/app-environment";
import { createReplyRow, seedShop, signedInUser } from "./support/fixtures";
import { UNLIMITED_REPLY_SETTINGS } from "./support/reply-settings";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The live cart's server side on real Postgres: what the reply processor, a link's claim and a
// deleted reply commit reaches the shopper's subscribers through NOTIFY and the hub's one
// LISTEN connection, and nothing reaches anyone else or outlives a rollback.

let database: TestDatabase;
let pool: pg.Pool;
let hub: CartEventHub;
const db = () => database.db;
const TEE_POST = "1970000000000000001";
const MUG_POST = "1970000000000000002";
let nextXUser = 1_970_000_000_000_900_000n;

beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  await seedShop(db());
  await db().productTweet.createMany({
    data: [
      { tweetId: TEE_POST, productId: "us-organic-tee" },
      { tweetId: MUG_POST, productId: "us-stoneware-mug" },
    ],
  });
  pool = createPool(database.url, 10);
  hub = new CartEventHub({
    connectionString: database.url,
    perUser: 3,
    perProcess: 8,
    retryMs: { min: 50, max: 200 },
  });
});
afterAll(async () => {
  await hub?.close();
  await pool?.end();
  await database?.drop();
});

const deps: () => ProcessDeps = () => ({
  db: db(),
  pool,
  settings: UNLIMITED_REPLY_SETTINGS,
});

async function linkedShopper() {
  const { user } = await signedInUser(db());
  const xUserId = String(nextXUser++);
  await db().account.create({
    data: { userId: user.id, type: "oauth", provider: "twitter", providerAccountId: xUserId },
  });
  return { xUserId, userId: user.id };
}

/** Processes one "#addtocart" reply of `xUserId` to `post`; returns its id and outcome. */
async function reply(xUserId: string, text: string, post = TEE_POST) {
  const { tweetId } = await createReplyRow(db(), {
    authorXId: xUserId,
    text: `@shop ${text}`,
    inReplyToId: post,
    raw: { entities: { hashtags: [{ tag: "addtocart" }] } },
  });
  const result = (await processReplies([tweetId], deps())).get(tweetId)!;
  return { tweetId, result };
}

/** A subscriber's events, in order; `listening()` resolves once the hub listens for it. */
function subscribe(userId: string) {
  const events: HubEvent[] = [];
  const subscription = hub.subscribe(userId, (event) => events.push(event));
  if ("refused" in subscription) throw new Error(`refused: ${subscription.refused}`);
  const changes = () => events.flatMap((event) => (event.type === "change" ? [event.change] : []));
  return {
    events,
    changes,
    ...(subscription as Subscription),
    listening: () =>
      vi.waitFor(() =>
        expect(events).toContainEqual(expect.objectContaining({ type: "listening" })),
      ),
    /** Waits until `count` changes have arrived. */
    changed: (count: number) => vi.waitFor(() => expect(changes()).toHaveLength(count)),
  };
}

describe("a committed reply", () => {
  it("reaches every subscriber of its shopper, with what went in, and no one else", async () => {
    const alice = await linkedShopper();
    const bob = await linkedShopper();
    const aliceTab = subscribe(alice.userId);
    const aliceOtherTab = subscribe(alice.userId);
    const bobTab = subscribe(bob.userId);
    await Promise.all([aliceTab.listening(), aliceOtherTab.listening(), bobTab.listening()]);

    expect((await reply(alice.xUserId, "#addtocart 2 size M")).result).toEqual({
      status: "fulfilled",
      value: "ADDED",
    });
    const added = {
      kind: "reply",
      items: [{ title: "Organic Cotton Tee", quantity: 2, size: "M" }],
      more: 0,
    };
    await aliceTab.changed(1);
    await aliceOtherTab.changed(1);
    expect(aliceTab.changes()).toEqual([added]);
    expect(aliceOtherTab.changes()).toEqual([added]);

    // Bob's own reply comes after Alice's on the same connection: had hers reached him, it
    // would be before his.
    await reply(bob.xUserId, "#addtocart", MUG_POST);
    await bobTab.changed(1);
    expect(bobTab.changes()).toEqual([
      { kind: "reply", items: [{ title: "Stoneware Mug", quantity: 1, size: null }], more: 0 },
    ]);
    for (const tab of [aliceTab, aliceOtherTab, bobTab]) tab.unsubscribe();
  });

  it("that adds nothing (out of stock) still tells the shopper, naming no item", async () => {
    const carol = await linkedShopper();
    const mug = { productId_name: { productId: "us-stoneware-mug", name: "" } };
    const { stock } = await db().productVariant.findUniqueOrThrow({ where: mug });
    await db().productVariant.update({ where: mug, data: { stock: 0 } });
    const tab = subscribe(carol.userId);
    await tab.listening();
    try {
      expect((await reply(carol.xUserId, "#addtocart", MUG_POST)).result).toMatchObject({
        value: "OUT_OF_STOCK",
      });
      await tab.changed(1);
      expect(tab.changes()).toEqual([{ kind: "reply", items: [], more: 0 }]);
    } finally {
      await db().productVariant.update({ where: mug, data: { stock } });
      tab.unsubscribe();
    }
  });
});

it("a rolled-back reply transaction notifies no one", async () => {
  const dave = await linkedShopper();
  const tab = subscribe(dave.userId);
  await tab.listening();
  // A fault at COMMIT itself (a deferred constraint trigger on the cart write), so the
  // transaction had sent its NOTIFY before it failed.
  await pool.query(`CREATE FUNCTION test_refuse_live() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused at commit for the test'; END $$`);
  await pool.query(`CREATE CONSTRAINT TRIGGER test_refuse_live AFTER INSERT ON "CartItemSource"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_live()`);
  try {
    const { result } = await reply(dave.xUserId, "#addtocart 3 size S");
    expect(result).toMatchObject({
      status: "rejected",
      reason: { message: "refused at commit for the test" },
    });
  } finally {
    await pool.query(`DROP TRIGGER test_refuse_live ON "CartItemSource"`);
    await pool.query(`DROP FUNCTION test_refuse_live()`);
  }
  // The next one commits: it is the first and only change Dave hears of.
  await reply(dave.xUserId, "#addtocart 1 size L");
  await tab.changed(1);
  expect(tab.changes()).toEqual([
    { kind: "reply", items: [{ title: "Organic Cotton Tee", quantity: 1, size: "L" }], more: 0 },
  ]);
  tab.unsubscribe();
});

it("a deleted reply's withdrawal says what left the cart", async () => {
  const erin = await linkedShopper();
  const tab = subscribe(erin.userId);
  await tab.listening();
  const { tweetId } = await reply(erin.xUserId, "#addtocart 2", MUG_POST);
  await tab.changed(1);
  await db().tweetEvent.update({ where: { tweetId }, data: { deletedAt: new Date() } });
  await withdrawReply(db(), tweetId);
  await tab.changed(2);
  expect(tab.changes()[1]).toEqual({
    kind: "withdrawn",
    items: [{ title: "Stoneware Mug", quantity: 2, size: null }],
    more: 0,
  });
  tab.unsubscribe();
});

it("pending adds claimed when the X account links reach the shopper's open tabs", async () => {
  const xUserId = String(nextXUser++);
  for (const text of ["#addtocart size S", "#addtocart 2", "#addtocart", "#addtocart size XL"])
    await reply(xUserId, text, text.includes("size") ? TEE_POST : MUG_POST);
  const { user } = await signedInUser(db());
  const tab = subscribe(user.id);
  await tab.listening();
  const landed = await db().$transaction((tx) => claimPendingAdds(tx, user.id, xUserId));
  // Items, not lines: the mug came from two replies (2 and 1).
  expect(landed).toBe(5);
  await tab.changed(1);
  // Three named, the rest counted: the payload stays small however many were waiting.
  expect(tab.changes()).toEqual([
    {
      kind: "reply",
      items: [
        { title: "Organic Cotton Tee", quantity: 1, size: "S" },
        { title: "Stoneware Mug", quantity: 2, size: null },
        { title: "Stoneware Mug", quantity: 1, size: null },
      ],
      more: 1,
    },
  ]);
  tab.unsubscribe();
});

describe("the event stream", () => {
  /** Reads the stream's text until `until` matches it. */
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp) {
    const decoder = new TextDecoder();
    let text = "";
    while (!until.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    return text;
  }

  it("sends ready, then each change as a cart event, and lets go when the browser leaves", async () => {
    const frank = await linkedShopper();
    const before = hub.size;
    const browser = new AbortController();
    const response = openCartEventStream(hub, frank.userId, browser.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(hub.size).toBe(before + 1);
    const reader = response.body!.getReader();
    expect(await readUntil(reader, /event: ready\n/)).toBe(
      `retry: 2000\n\nevent: ready\ndata: {"resync":false}\n\n`,
    );

    await reply(frank.xUserId, "#addtocart 2 size M");
    expect(await readUntil(reader, /\n\n$/)).toBe(
      `event: cart\ndata: {"kind":"reply","items":[{"title":"Organic Cotton Tee","quantity":2,"size":"M"}],"more":0}\n\n`,
    );

    browser.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(hub.size).toBe(before);
  });

  it("refuses a shopper's tab past the per-user cap (429) and any past the process's (503)", async () => {
    const grace = await linkedShopper();
    const browser = new AbortController();
    const open = (userId: string) => openCartEventStream(hub, userId, browser.signal);
    const graces = [1, 2, 3].map(() => open(grace.userId));
    expect(graces.map((response) => response.status)).toEqual([200, 200, 200]);
    const fourth = open(grace.userId);
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toEqual({
      error: {
        code: "too_many_streams",
        message: "Too many tabs follow this cart; close some and reload.",
      },
    });

    const others = await Promise.all([1, 2, 3, 4, 5, 6].map(() => linkedShopper()));
    const statuses = others.map((other) => open(other.userId).status);
    // 8 in the process: Grace's 3 and 5 more.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503]);
    browser.abort();
    expect(hub.size).toBe(0);
    // Room again once they closed.
    const again = new AbortController();
    expect(openCartEventStream(hub, grace.userId, again.signal).status).toBe(200);
    again.abort();
  });
});

it("after losing its connection the hub listens again and tells subscribers to resync", async () => {
  const heidi = await linkedShopper();
  const tab = subscribe(heidi.userId);
  await tab.listening();
  const { rowCount } = await pool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = 'replycart cart events'`,
  );
  expect(rowCount).toBe(1);
  await vi.waitFor(() => expect(tab.events).toContainEqual({ type: "listening", resync: true }));
  await reply(heidi.xUserId, "#addtocart", MUG_POST);
  await tab.changed(1);
  expect(tab.changes()[0]!.items).toEqual([{ title: "Stoneware Mug", quantity: 1, size: null }]);
  tab.unsubscribe();
});
