import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { lockKeys } from "@/lib/database/advisory-locks";
import { pgSql } from "@/lib/database/sql";
import { POST_BOT_REPLY } from "@/lib/jobs/queues";
import { createPool } from "@/lib/database/pg-adapter";
import { processReplies, type ProcessDeps } from "@/lib/replies/process/process-replies";
import { configureAppEnvironment } from "./support/app-environment";
import { createReplyRow, nextTweetId, seedShop, signedInUser } from "./support/fixtures";
import { UNLIMITED_REPLY_SETTINGS } from "./support/reply-settings";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The worker processes its replies in batches, their cart writes in one transaction. These
// call the batch processor itself on real Postgres: what a batch commits, and that one failing
// reply fails alone.

let database: TestDatabase;
let pool: pg.Pool;
const db = () => database.db;
const MUG_POST = "1960000000000000001";
let nextXUser = 1_960_000_000_000_900_000n;

beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  await seedShop(db());
  await db().productTweet.create({ data: { tweetId: MUG_POST, productId: "us-stoneware-mug" } });
  pool = createPool(database.url, 10);
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const deps = (overrides: Partial<ProcessDeps> = {}): ProcessDeps => ({
  db: db(),
  pool,
  settings: UNLIMITED_REPLY_SETTINGS,
  ...overrides,
});

/** A shopper whose X account is linked; returns their X user id and shop user id. */
async function linkedShopper() {
  const { user } = await signedInUser(db());
  const xUserId = String(nextXUser++);
  await db().account.create({
    data: { userId: user.id, type: "oauth", provider: "twitter", providerAccountId: xUserId },
  });
  return { xUserId, userId: user.id };
}

/** A reply in the inbox, not yet processed: "#addtocart" and its text, to `inReplyToId`. */
async function inboxReply(
  authorXId: string,
  text = "#addtocart",
  { inReplyToId = MUG_POST, hashtag = true } = {},
) {
  const { tweetId } = await createReplyRow(db(), {
    authorXId,
    text: `@shop ${text}`,
    inReplyToId,
    raw: { entities: { hashtags: hashtag ? [{ tag: "addtocart" }] : [] } },
  });
  return tweetId;
}

const outcomesOf = (results: Awaited<ReturnType<typeof processReplies>>) =>
  Object.fromEntries(
    [...results].map(([id, result]) => [
      id,
      result.status === "fulfilled" ? result.value : `failed: ${String(result.reason)}`,
    ]),
  );

const jobsFor = async (tweetIds: string[]) =>
  Number(
    (
      await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND data->>'tweetId' = ANY($2)`,
        [POST_BOT_REPLY, tweetIds],
      )
    ).rows[0]!.n,
  );

describe("processReplies", () => {
  it("commits a batch together: each reply once, with one answer and one job each", async () => {
    const alice = await linkedShopper();
    const bob = await linkedShopper();
    const unlinked = String(nextXUser++);
    const aliceTwo = await inboxReply(alice.xUserId, "#addtocart 2");
    const aliceOne = await inboxReply(alice.xUserId);
    const bobs = await inboxReply(bob.xUserId);
    const pending = await inboxReply(unlinked);
    const chatter = await inboxReply(bob.xUserId, "nice mug", { hashtag: false });
    const batch = [aliceTwo, aliceOne, bobs, pending, chatter];

    // The same reply queued twice in one batch (the inbox sweep, a retry) counts once.
    const results = await processReplies([...batch, aliceOne], deps());
    expect(outcomesOf(results)).toEqual({
      [aliceTwo]: "ADDED",
      [aliceOne]: "ADDED",
      [bobs]: "ADDED",
      [pending]: "NOT_LINKED",
      [chatter]: "IGNORED",
    });
    const aliceLines = await db().cartItem.findMany({
      where: { userId: alice.userId },
      include: { sources: true },
    });
    expect(aliceLines).toHaveLength(1);
    expect(aliceLines[0]!.quantity).toBe(3);
    expect(aliceLines[0]!.sources.map((source) => source.tweetId).sort()).toEqual(
      [aliceTwo, aliceOne].sort(),
    );
    expect(await db().cartItem.count({ where: { userId: bob.userId } })).toBe(1);
    expect(await db().pendingAdd.count({ where: { xUserId: unlinked } })).toBe(1);
    const rows = await db().tweetEvent.findMany({ where: { tweetId: { in: batch } } });
    expect(rows.map((row) => row.status)).toEqual(batch.map(() => "DONE"));
    expect(rows.find((row) => row.tweetId === aliceTwo)).toMatchObject({
      userId: alice.userId,
      productId: "us-stoneware-mug",
      quantity: 2,
    });
    const answered = batch.filter((id) => id !== chatter);
    const answers = await db().outboundReply.findMany({
      where: { inReplyToTweetId: { in: batch } },
    });
    expect(answers.map((answer) => answer.inReplyToTweetId).sort()).toEqual(answered.sort());
    expect(answers.find((answer) => answer.inReplyToTweetId === bobs)?.urgent).toBe(true);
    expect(answers.find((answer) => answer.inReplyToTweetId === pending)?.urgent).toBe(false);
    expect(await jobsFor(batch)).toBe(answered.length);

    // Run again (a redelivered job): nothing changes.
    const again = await processReplies(batch, deps());
    expect(outcomesOf(again)).toEqual(outcomesOf(results));
    expect(
      (await db().cartItem.findMany({ where: { userId: alice.userId } })).map((l) => l.quantity),
    ).toEqual([3]);
    expect(await db().outboundReply.count({ where: { inReplyToTweetId: { in: batch } } })).toBe(
      answered.length,
    );
    expect(await jobsFor(batch)).toBe(answered.length);
  });

  it("adds a batch's replies to their lines as one at a time would: oldest first, never past 10", async () => {
    const alice = await linkedShopper();
    const bob = await linkedShopper();
    await processReplies([await inboxReply(alice.xUserId, "#addtocart 8")], deps());
    // Alice's first reply of the batch fills her line to 10, her second finds it full; Bob's
    // makes a new line in the same statement.
    const aliceFills = await inboxReply(alice.xUserId, "#addtocart 3");
    const aliceFull = await inboxReply(alice.xUserId, "#addtocart");
    const bobs = await inboxReply(bob.xUserId, "#addtocart 2");
    const batch = [aliceFull, bobs, aliceFills];
    await processReplies(batch, deps());

    // In the batch's one transaction (now() is its start), not committed again one by one.
    const committed = await db().tweetEvent.findMany({ where: { tweetId: { in: batch } } });
    expect(new Set(committed.map((row) => row.processedAt?.getTime())).size).toBe(1);

    const lineOf = (userId: string) =>
      db().cartItem.findFirstOrThrow({ where: { userId }, include: { sources: true } });
    const sources = (line: Awaited<ReturnType<typeof lineOf>>) =>
      Object.fromEntries(line.sources.map((source) => [source.tweetId, source.quantity]));
    const aliceLine = await lineOf(alice.userId);
    expect(aliceLine.quantity).toBe(10);
    expect(sources(aliceLine)).toMatchObject({ [aliceFills]: 2 });
    expect(sources(aliceLine)).not.toHaveProperty(aliceFull);
    const bobLine = await lineOf(bob.userId);
    expect(bobLine.quantity).toBe(2);
    expect(sources(bobLine)).toEqual({ [bobs]: 2 });
  });

  it("when a batch's transaction fails, the reply that broke it fails alone and the rest commit", async () => {
    const shoppers = await Promise.all([linkedShopper(), linkedShopper(), linkedShopper()]);
    const batch = await Promise.all(shoppers.map((shopper) => inboxReply(shopper.xUserId)));
    const poisoned = batch[1]!;
    // A fault inside Postgres for this one reply's cart write.
    await pool.query(`CREATE FUNCTION test_refuse_source() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."tweetId" = '${poisoned}' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await pool.query(`CREATE TRIGGER test_refuse_source BEFORE INSERT ON "CartItemSource"
      FOR EACH ROW EXECUTE FUNCTION test_refuse_source()`);
    try {
      const results = await processReplies(batch, deps());
      expect(outcomesOf(results)).toEqual({
        [batch[0]!]: "ADDED",
        [poisoned]: "failed: error: refused for the test",
        [batch[2]!]: "ADDED",
      });
      const poisonedRow = await db().tweetEvent.findUnique({ where: { tweetId: poisoned } });
      expect(poisonedRow?.status).toBe("RECEIVED");
      expect(await db().cartItem.count({ where: { userId: shoppers[1]!.userId } })).toBe(0);
      expect(await db().outboundReply.count({ where: { inReplyToTweetId: poisoned } })).toBe(0);
      expect(await jobsFor([poisoned])).toBe(0);
      expect(await jobsFor([batch[0]!, batch[2]!])).toBe(2);
    } finally {
      await pool.query(`DROP TRIGGER test_refuse_source ON "CartItemSource"`);
      await pool.query(`DROP FUNCTION test_refuse_source()`);
    }
    // Retried once the fault is gone, it lands like the others.
    const retried = await processReplies([poisoned], deps());
    expect(outcomesOf(retried)).toEqual({ [poisoned]: "ADDED" });
    expect(await db().cartItem.count({ where: { userId: shoppers[1]!.userId } })).toBe(1);
  });

  it("a reply whose product cannot be looked up fails alone", async () => {
    const shopper = await linkedShopper();
    const unknownParent = nextTweetId();
    const lost = await inboxReply(shopper.xUserId, "#addtocart", { inReplyToId: unknownParent });
    const fine = await inboxReply(shopper.xUserId);
    const results = await processReplies(
      [lost, fine],
      deps({
        lookUpParent: async () => {
          throw new Error("X is down");
        },
      }),
    );
    expect(outcomesOf(results)).toEqual({ [lost]: "failed: Error: X is down", [fine]: "ADDED" });
    expect((await db().tweetEvent.findUnique({ where: { tweetId: lost } }))?.status).toBe(
      "RECEIVED",
    );
  });
});

describe("lockKeys", () => {
  const keys = Array.from({ length: 8 }, (_, n) => `test:lock-order:${n}`);

  /** The keys by lock id, as Postgres hashes them. */
  async function byLockId() {
    const { rows } = await pool.query<{ key: string }>(
      `SELECT key FROM unnest($1::text[]) AS key ORDER BY hashtext(key)`,
      [keys],
    );
    return rows.map((row) => row.key);
  }

  /**
   * Holds `held` in one transaction while another locks every key (given in reverse lock-id
   * order): returns how many of the others it had taken when it stopped to wait.
   */
  async function takenBeforeWaiting(held: string) {
    const holder = await pool.connect();
    const locker = await pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [held]);
      const { rows } = await locker.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      const pid = rows[0]!.pid;
      await locker.query("BEGIN");
      const locking = lockKeys(pgSql(locker), (await byLockId()).reverse());
      const locks = async () =>
        (
          await pool.query<{ granted: boolean }>(
            `SELECT granted FROM pg_locks WHERE pid = $1 AND locktype = 'advisory'`,
            [pid],
          )
        ).rows;
      while (!(await locks()).some((lock) => !lock.granted))
        await new Promise((resolve) => setTimeout(resolve, 20));
      const taken = (await locks()).filter((lock) => lock.granted).length;
      await holder.query("COMMIT");
      await locking;
      await locker.query("COMMIT");
      return taken;
    } finally {
      holder.release();
      locker.release();
    }
  }

  it("takes its locks in ascending lock-id order, whatever order the keys come in", async () => {
    const ordered = await byLockId();
    // Waiting on the highest id, it holds every other; on the lowest, none.
    expect(await takenBeforeWaiting(ordered.at(-1)!)).toBe(keys.length - 1);
    expect(await takenBeforeWaiting(ordered[0]!)).toBe(0);
  });
});
