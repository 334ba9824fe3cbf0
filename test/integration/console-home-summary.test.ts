import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHomeSummary } from "@/lib/console/home-summary";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { createProduct, createReplyRow, seedShop, signedInUser } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The console's home on real Postgres: what needs doing, and each store's sales today and this
// week, in its own currency, around the day and week boundaries of a chosen time zone.

// A Wednesday; its week began on Monday 7 December (in UTC).
const NOW = new Date("2026-12-09T10:00:00.000Z");

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedShop(database.db);
});
afterAll(() => database?.drop());

async function order(
  marketplace: "us" | "uk",
  at: string,
  totalMinor: number,
  status?: OrderStatus,
) {
  const { user } = await signedInUser(database.db);
  await database.db.order.create({
    data: {
      userId: user.id,
      marketplaceId: marketplace,
      currency: marketplace === "us" ? "USD" : "GBP",
      totalMinor,
      status,
      idempotencyKey: randomUUID(),
      cartHash: "test",
      shippingAddress: {},
      createdAt: new Date(at),
    },
  });
}

describe("sales per store", () => {
  beforeAll(async () => {
    await order("us", "2026-12-09T08:00:00.000Z", 2500); // today
    await order("us", "2026-12-09T09:59:00.000Z", 1000, "CANCELLED"); // today, cancelled
    await order("us", "2026-12-07T00:00:00.000Z", 4000); // Monday, the week's first instant
    await order("us", "2026-12-06T23:59:59.999Z", 9999); // Sunday: last week
    await order("us", "2026-12-09T10:00:00.001Z", 777); // after `now`
    await order("uk", "2026-12-09T00:00:00.000Z", 1500); // today's first instant
    await order("uk", "2026-12-08T09:00:00.000Z", 700); // Tuesday
  });

  it("counts today's and this week's orders and revenue, cancelled ones left out", async () => {
    const { sales } = await getHomeSummary({ now: NOW }, database.db);
    expect(sales).toEqual([
      expect.objectContaining({
        code: "UK",
        currency: "GBP",
        today: { orders: 1, revenueMinor: 1500 },
        week: { orders: 2, revenueMinor: 2200 },
      }),
      expect.objectContaining({
        code: "US",
        currency: "USD",
        today: { orders: 1, revenueMinor: 2500 },
        week: { orders: 2, revenueMinor: 6500 },
      }),
    ]);
  });

  it("starts the day and the week where the given zone's clock does", async () => {
    // 23:00 on Wednesday in Auckland (UTC+13): its Wednesday began at 11:00 UTC on Tuesday, its
    // Monday at 11:00 UTC on Sunday, so Sunday's late order is this week's there.
    const { sales } = await getHomeSummary({ now: NOW, timeZone: "Pacific/Auckland" }, database.db);
    const byCode = Object.fromEntries(sales.map((store) => [store.code, store]));
    expect(byCode.US).toMatchObject({
      today: { orders: 1, revenueMinor: 2500 },
      week: { orders: 3, revenueMinor: 16499 },
    });
    expect(byCode.UK).toMatchObject({
      today: { orders: 1, revenueMinor: 1500 },
      week: { orders: 2, revenueMinor: 2200 },
    });
  });

  it("gives a store without orders its zeros, in its currency", async () => {
    const { sales } = await getHomeSummary(
      { now: new Date("2027-03-01T12:00:00.000Z") },
      database.db,
    );
    expect(
      sales.map(({ code, currency, today, week }) => ({ code, currency, today, week })),
    ).toEqual([
      {
        code: "UK",
        currency: "GBP",
        today: { orders: 0, revenueMinor: 0 },
        week: { orders: 0, revenueMinor: 0 },
      },
      {
        code: "US",
        currency: "USD",
        today: { orders: 0, revenueMinor: 0 },
        week: { orders: 0, revenueMinor: 0 },
      },
    ]);
  });

  it("refuses a time zone it does not know, before asking the database", async () => {
    await expect(
      getHomeSummary({ now: NOW, timeZone: "Mars/Olympus" }, database.db),
    ).rejects.toThrow(/"Mars\/Olympus" is not a time zone/);
  });
});

describe("what needs doing", () => {
  it("counts confirmed orders to ship, cancelled ones not", async () => {
    const { ordersToShip } = await getHomeSummary({ now: NOW }, database.db);
    const confirmed = await database.db.order.count({ where: { status: "CONFIRMED" } });
    expect(confirmed).toBeGreaterThan(0);
    expect(ordersToShip).toBe(confirmed);
    await order("us", "2026-12-09T09:00:00.000Z", 100, "CANCELLED");
    expect((await getHomeSummary({ now: NOW }, database.db)).ordersToShip).toBe(confirmed);
    await order("us", "2026-12-09T09:00:00.000Z", 100);
    expect((await getHomeSummary({ now: NOW }, database.db)).ordersToShip).toBe(confirmed + 1);
  });

  it("counts products on sale with no stock, not those taken off sale", async () => {
    const before = (await getHomeSummary({ now: NOW }, database.db)).productsOutOfStock;
    await createProduct(database.db, { stock: 0 });
    await createProduct(database.db, { stock: 0, active: false });
    await createProduct(database.db, { stock: 1 });
    expect((await getHomeSummary({ now: NOW }, database.db)).productsOutOfStock).toBe(before + 1);
  });

  it("counts bot answers waiting, and those refused or failed in the last 7 days", async () => {
    const answer = async (status: "PENDING" | "SENT" | "REFUSED" | "FAILED", updatedAt = NOW) => {
      const { tweetId } = await createReplyRow(database.db);
      await database.db.outboundReply.create({
        data: {
          inReplyToTweetId: tweetId,
          kind: "ADDED",
          text: "Added to your cart",
          status,
          expiresAt: new Date(NOW.getTime() + 3_600_000),
        },
      });
      // Set after the insert: Prisma stamps @updatedAt columns itself.
      await database.db.outboundReply.update({
        where: { inReplyToTweetId: tweetId },
        data: { updatedAt },
      });
    };
    await answer("PENDING");
    await answer("PENDING");
    await answer("SENT");
    await answer("REFUSED", new Date("2026-12-03T10:00:00.000Z")); // 6 days ago
    await answer("FAILED", new Date("2026-12-09T09:00:00.000Z"));
    await answer("FAILED", new Date("2026-12-02T09:59:59.000Z")); // more than 7 days ago
    const summary = await getHomeSummary({ now: NOW }, database.db);
    expect(summary.botAnswersWaiting).toBe(2);
    expect(summary.botAnswersFailed).toBe(2);
  });

  it("tells whether the brand account is connected, and its token error", async () => {
    expect((await getHomeSummary({ now: NOW }, database.db)).brand).toBeNull();
    const owner = await database.db.user.findFirstOrThrow({ where: { role: "OWNER" } });
    await database.db.account.create({
      data: {
        userId: owner.id,
        type: "oauth",
        provider: "x-brand",
        providerAccountId: "1800000000000000001",
        username: "replycart",
        scope: "tweet.read tweet.write users.read offline.access",
        tokenError: "X refused the refresh token (invalid_grant)",
      },
    });
    const { brand } = await getHomeSummary({ now: NOW }, database.db);
    expect(brand).toMatchObject({
      username: "replycart",
      error: "X refused the refresh token (invalid_grant)",
      missingScopes: [],
    });
  });
});
