import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "./support/test-database";
import { databaseBeforeMigration, migrationSql } from "./support/database-before-migration";

// The migration that made every DateTime timestamptz keeps every stored instant, even when the
// session running it is not in UTC: the plain timestamp columns held UTC wall time.

const MIGRATION = "20261207213305_timestamptz_everywhere";

let database: TestDatabase;
let migrator: pg.Client;
let close: () => Promise<void>;
beforeAll(async () => {
  ({
    database,
    client: migrator,
    close,
  } = await databaseBeforeMigration(MIGRATION, (c) => c.query(`SET TIME ZONE 'America/New_York'`)));
});
afterAll(() => close?.());

const timestampColumns = async () =>
  (
    await migrator.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'
       ORDER BY table_name, column_name`,
    )
  ).rows.map((row) => `${row.table_name}.${row.column_name}`);

it("turns every plain timestamp into timestamptz, keeping each instant", async () => {
  // Every column the migration converts gets its own instant, written the way the app did:
  // through Prisma (a session in UTC, values sent as UTC wall time).
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 5, 1, 3, minute++, 7, 123));
  const expected = new Map<string, Date>();
  const time = (column: string) => {
    const value = at();
    expected.set(column, value);
    return value;
  };
  const db = database.db;
  const user = await db.user.create({
    data: {
      email: "clock@example.com",
      emailVerified: time("User.emailVerified"),
      createdAt: time("User.createdAt"),
      updatedAt: time("User.updatedAt"),
      accounts: {
        create: {
          type: "oauth",
          provider: "x",
          providerAccountId: "42",
          tokenRefreshedAt: time("Account.tokenRefreshedAt"),
          createdAt: time("Account.createdAt"),
          updatedAt: time("Account.updatedAt"),
        },
      },
      sessions: { create: { sessionToken: "s", expires: time("Session.expires") } },
    },
  });
  await db.verificationToken.create({
    data: {
      identifier: "clock@example.com",
      token: "t",
      expires: time("VerificationToken.expires"),
    },
  });
  await db.devEmail.create({
    data: {
      ...{ to: "clock@example.com", subject: "s", text: "t", url: "http://localhost/" },
      createdAt: time("DevEmail.createdAt"),
      expiresAt: time("DevEmail.expiresAt"),
    },
  });
  const market = await db.marketplace.create({
    data: {
      ...{ code: "US", name: "US", currency: "USD", hashtags: [], shopHosts: [] },
      createdAt: time("Marketplace.createdAt"),
    },
  });
  // Prisma would write columns later migrations added to Product (it sends their defaults), so
  // the row is written as Prisma wrote it then: UTC wall time.
  const utcWall = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
  const product = { id: "mug" };
  await migrator.query(
    `INSERT INTO "Product" ("id", "marketplaceId", "title", "priceMinor", "createdAt", "updatedAt")
     VALUES ($1, $2, 'Mug', 1200, $3, $4)`,
    [product.id, market.id, utcWall(time("Product.createdAt")), utcWall(time("Product.updatedAt"))],
  );
  await db.productTweet.create({
    data: { tweetId: "1", productId: product.id, postedAt: time("ProductTweet.postedAt") },
    select: { tweetId: true },
  });
  await db.pendingAdd.create({
    data: {
      ...{ productId: product.id, xUserId: "7", quantity: 1, sourceTweetId: "3" },
      ...{ expiresAt: new Date(), createdAt: time("PendingAdd.createdAt") },
    },
    select: { id: true },
  });
  const line = await db.cartItem.create({
    data: {
      ...{ userId: user.id, productId: product.id, quantity: 1 },
      createdAt: time("CartItem.createdAt"),
      updatedAt: time("CartItem.updatedAt"),
      sources: {
        create: { tweetId: "2", quantity: 1, createdAt: time("CartItemSource.createdAt") },
      },
    },
  });
  expect(line.id).toBeTruthy();
  await db.order.create({
    data: {
      ...{ userId: user.id, marketplaceId: market.id, currency: "USD", totalMinor: 1200 },
      ...{ idempotencyKey: "k", cartHash: "h", shippingAddress: {} },
      createdAt: time("Order.createdAt"),
    },
    select: { id: true },
  });
  await db.shippingAddress.create({
    data: {
      ...{ userId: user.id, marketplaceId: market.id, fullName: "A", line1: "1", city: "C" },
      ...{ postalCode: "1", updatedAt: time("ShippingAddress.updatedAt") },
    },
  });
  await db.tweetEvent.create({
    data: {
      ...{ tweetId: "2", latestTweetId: "2", source: "XAA", authorXId: "7" },
      receivedAt: time("TweetEvent.receivedAt"),
      reply: {
        create: {
          ...{ kind: "ADDED", text: "Added", expiresAt: new Date() },
          updatedAt: time("OutboundReply.updatedAt"),
        },
      },
    },
    // Columns later migrations added are not there yet: read back only the key.
    select: { tweetId: true },
  });
  // And the way our SQL did, here on the New York session: now() AT TIME ZONE 'UTC'.
  const [{ now }] = (
    await migrator.query<{ now: Date }>(
      `UPDATE "TweetEvent" SET "deletedAt" = now() AT TIME ZONE 'UTC' RETURNING now()::timestamptz(3) AS "now"`,
    )
  ).rows as [{ now: Date }];
  expected.set("TweetEvent.deletedAt", now);
  expect([...expected.keys()].sort()).toEqual(await timestampColumns());

  await migrator.query(migrationSql(MIGRATION));

  expect(await timestampColumns()).toEqual([]);
  for (const [column, value] of expected) {
    const [table, name] = column.split(".");
    const { rows } = await migrator.query<{ at: Date }>(
      `SELECT "${name}" AS "at" FROM "${table}" WHERE "${name}" IS NOT NULL`,
    );
    expect({ column, at: rows.map((row) => row.at.toISOString()) }).toEqual({
      column,
      at: [value.toISOString()],
    });
  }
});
