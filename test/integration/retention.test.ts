import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startWorkers } from "@/lib/worker/start-workers";
import { purgeExpired } from "@/lib/retention/purge-expired";
import { retentionSettings } from "@/lib/retention/retention-settings";
import { configureAppEnvironment } from "./support/app-environment";
import { seedShop } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The daily retention pass with its default settings, on rows dated back with the same clocks
// the app writes: what is past its time goes, what is newer stays, and the funnel (outcomes,
// products, quantities, cart and order sources) is untouched.

let database: TestDatabase;
const db = () => database.db;
let shopperId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  await seedShop(db());
  shopperId = (await db().user.create({ data: { email: "keep@example.test" } })).id;
});
afterAll(async () => {
  await database?.drop();
});

const purge = () => purgeExpired(db(), retentionSettings(parseEnv()));

type Reply = { outcome: "ADDED" | "IGNORED" | "NOT_LINKED" | null; daysAgo: number };

/** An inbox row with its text, raw JSON and version id, received `daysAgo` days ago (UTC). */
async function reply(tweetId: string, { outcome, daysAgo }: Reply) {
  const status = outcome ? "DONE" : "RECEIVED";
  const counted = outcome === "ADDED";
  await db().$executeRaw`
    INSERT INTO "TweetEvent" ("id", "tweetId", "latestTweetId", "source", "authorXId", "text",
      "raw", "status", "outcome", "productId", "quantity", "userId", "receivedAt")
    VALUES (${`ev${tweetId}`}, ${tweetId}, ${tweetId}, 'XAA', '1980000000000000001',
      '#addtocart 2 please', '{"data": {"text": "#addtocart 2 please"}}'::jsonb,
      ${status}::"TweetEventStatus", ${outcome}::"ReplyOutcome",
      ${counted ? "us-stoneware-mug" : null}, ${counted ? 2 : null}, ${counted ? shopperId : null},
      now() - make_interval(days => ${daysAgo}::int))`;
  await db().tweetVersion.create({ data: { versionId: tweetId, tweetId } });
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const event = (tweetId: string) => db().tweetEvent.findUniqueOrThrow({ where: { tweetId } });
const textOf = async (tweetId: string) => {
  const { text, raw } = await event(tweetId);
  return { text, raw: raw === null ? null : "kept" };
};
const KEPT = { text: "#addtocart 2 please", raw: "kept" };
const PURGED = { text: null, raw: null };

describe("the retention pass", () => {
  it("purges replies' texts past their settings and keeps outcomes, carts and the funnel", async () => {
    await reply("1980000000000000011", { outcome: "IGNORED", daysAgo: 8 });
    await reply("1980000000000000012", { outcome: "IGNORED", daysAgo: 6 });
    await reply("1980000000000000013", { outcome: "ADDED", daysAgo: 31 });
    await reply("1980000000000000014", { outcome: "ADDED", daysAgo: 29 });
    await reply("1980000000000000015", { outcome: null, daysAgo: 31 });
    const line = await db().cartItem.create({
      data: { userId: shopperId, productId: "us-stoneware-mug", quantity: 2 },
    });
    await db().cartItemSource.create({
      data: { tweetId: "1980000000000000013", cartItemId: line.id, quantity: 2 },
    });

    const counts = await purge();

    expect(counts).toMatchObject({ ignoredTexts: 1, replyTexts: 1 });
    expect(await textOf("1980000000000000011")).toEqual(PURGED);
    expect(await textOf("1980000000000000012")).toEqual(KEPT);
    expect(await textOf("1980000000000000013")).toEqual(PURGED);
    expect(await textOf("1980000000000000014")).toEqual(KEPT);
    // Not processed yet: its job still reads the text.
    expect(await textOf("1980000000000000015")).toEqual(KEPT);
    expect(await event("1980000000000000013")).toMatchObject({
      status: "DONE",
      outcome: "ADDED",
      productId: "us-stoneware-mug",
      quantity: 2,
      userId: shopperId,
    });
    expect(await event("1980000000000000011")).toMatchObject({ outcome: "IGNORED" });
    expect(await db().cartItem.findUnique({ where: { id: line.id } })).toMatchObject({
      quantity: 2,
    });
    expect(
      await db().cartItemSource.findUnique({ where: { tweetId: "1980000000000000013" } }),
    ).toMatchObject({ cartItemId: line.id, quantity: 2 });
    // Still in a cart: a delete at X must still find it and take its items out.
    expect(await db().tweetVersion.count({ where: { tweetId: "1980000000000000013" } })).toBe(1);
    // Purged and settled: nothing left for a delete to do.
    expect(await db().tweetVersion.count({ where: { tweetId: "1980000000000000011" } })).toBe(0);
    expect(await db().tweetVersion.count({ where: { tweetId: "1980000000000000012" } })).toBe(1);
  });

  it("deletes expired rate limits and settled rows past their time, and keeps the rest", async () => {
    const now = BigInt(Date.now());
    await db().rateLimit.createMany({
      data: [
        { key: "email:gone", points: 3, expire: now - 1000n },
        { key: "email:live", points: 3, expire: now + 3_600_000n },
        { key: "email:forever", points: 1, expire: null },
      ],
    });
    await db().tweetTombstone.createMany({
      data: [
        { tweetId: "1980000000000000021", deletedAt: daysAgo(8) },
        { tweetId: "1980000000000000022", deletedAt: daysAgo(1) },
      ],
    });
    await db().parentPost.createMany({
      data: [
        { tweetId: "1980000000000000031", productId: "us-stoneware-mug", fetchedAt: daysAgo(31) },
        { tweetId: "1980000000000000032", productId: null, fetchedAt: daysAgo(29) },
      ],
    });
    const add = (sourceTweetId: string, status: "PENDING" | "CLAIMED" | "EXPIRED", days: number) =>
      db().pendingAdd.create({
        data: {
          xUserId: "1980000000000000002",
          productId: "us-stoneware-mug",
          quantity: 1,
          sourceTweetId,
          status,
          expiresAt: daysAgo(days),
          settledAt: status === "PENDING" ? null : daysAgo(days),
          claimedById: status === "CLAIMED" ? shopperId : null,
          createdAt: daysAgo(days + 7),
        },
      });
    await add("1980000000000000041", "CLAIMED", 366);
    await add("1980000000000000042", "EXPIRED", 364);
    await add("1980000000000000043", "PENDING", 400);
    const answer = async (
      tweetId: string,
      status: "SENT" | "PENDING" | "EXPIRED",
      days: number,
    ) => {
      await reply(tweetId, { outcome: "NOT_LINKED", daysAgo: days });
      await db().outboundReply.create({
        data: {
          inReplyToTweetId: tweetId,
          kind: "NOT_LINKED",
          text: "Link your account",
          status,
          expiresAt: daysAgo(days),
          createdAt: daysAgo(days),
        },
      });
    };
    await answer("1980000000000000051", "SENT", 366);
    await answer("1980000000000000052", "EXPIRED", 364);
    await answer("1980000000000000053", "PENDING", 366);

    const counts = await purge();

    expect(counts).toMatchObject({
      rateLimits: 1,
      tombstones: 1,
      parentPosts: 1,
      pendingAdds: 1,
      botAnswers: 1,
    });
    expect((await db().rateLimit.findMany({ orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "email:forever",
      "email:live",
    ]);
    expect((await db().tweetTombstone.findMany()).map((t) => t.tweetId)).toEqual([
      "1980000000000000022",
    ]);
    expect((await db().parentPost.findMany()).map((p) => p.tweetId)).toEqual([
      "1980000000000000032",
    ]);
    expect(
      (await db().pendingAdd.findMany({ orderBy: { sourceTweetId: "asc" } })).map(
        (p) => p.sourceTweetId,
      ),
    ).toEqual(["1980000000000000042", "1980000000000000043"]);
    expect(
      (await db().outboundReply.findMany({ orderBy: { inReplyToTweetId: "asc" } })).map(
        (a) => a.inReplyToTweetId,
      ),
    ).toEqual(["1980000000000000052", "1980000000000000053"]);
    // The replies themselves stay, outcomes and all.
    expect(await event("1980000000000000051")).toMatchObject({ outcome: "NOT_LINKED" });
    // A second pass the same day finds nothing more to do.
    expect(Object.values(await purge()).every((count) => count === 0)).toBe(true);
  });
});

describe("the retention job", () => {
  it("is scheduled daily by the workers", async () => {
    const workers = await startWorkers(parseEnv(), database.url, () => undefined);
    try {
      const schedules = await db().$queryRaw<{ cron: string }[]>`
        SELECT cron FROM pgboss.schedule WHERE name = 'retention-purge'`;
      expect(schedules).toHaveLength(1);
      // Minute and hour fixed, every day of every month: once a day.
      expect(schedules[0]!.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    } finally {
      await workers.stop();
    }
  });
});
