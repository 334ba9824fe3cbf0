import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The migration that gave orders their timeline starts each existing order's with its placing,
// and its confirmation email where one went out, at the times they happened.

const MIGRATION = "20261208040219_order_fulfilment";
const MIGRATIONS = path.join("prisma", "migrations");
const migrationSql = (name: string) =>
  readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");

let database: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const before = readdirSync(MIGRATIONS)
    .filter((name) => /^\d{14}_/.test(name) && name < MIGRATION)
    .sort();
  for (const name of before) await client.query(migrationSql(name));
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

it("backfills a PLACED event for every order, and EMAIL_SENT where the email was sent", async () => {
  await client.query(`
    INSERT INTO "Marketplace" (id, code, name, currency, hashtags, "shopHosts")
      VALUES ('us', 'US', 'United States', 'USD', '{}', '{}');
    INSERT INTO "User" (id, email, "updatedAt") VALUES ('u', 'u@example.com', now());
    INSERT INTO "Order" (id, "userId", "marketplaceId", currency, "totalMinor", "idempotencyKey",
        "cartHash", "shippingAddress", "emailSentAt", "createdAt")
      VALUES
        ('mailed', 'u', 'us', 'USD', 100, 'k1', 'h', '{}', '2026-12-01T10:05:00Z', '2026-12-01T10:00:00Z'),
        ('quiet', 'u', 'us', 'USD', 100, 'k2', 'h', '{}', NULL, '2026-12-02T10:00:00Z');
  `);
  await client.query(migrationSql(MIGRATION));
  const { rows } = await client.query<{ orderId: string; kind: string; createdAt: Date }>(
    `SELECT "orderId", kind::text, "createdAt" FROM "OrderEvent" ORDER BY "orderId", "createdAt"`,
  );
  expect(rows).toEqual([
    { orderId: "mailed", kind: "PLACED", createdAt: new Date("2026-12-01T10:00:00Z") },
    { orderId: "mailed", kind: "EMAIL_SENT", createdAt: new Date("2026-12-01T10:05:00Z") },
    { orderId: "quiet", kind: "PLACED", createdAt: new Date("2026-12-02T10:00:00Z") },
  ]);
  const statuses = await client.query<{ label: string }>(
    `SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = '"OrderStatus"'::regtype ORDER BY enumsortorder`,
  );
  expect(statuses.rows.map((row) => row.label)).toEqual([
    "CONFIRMED",
    "CANCELLED",
    "SHIPPED",
    "DELIVERED",
  ]);
});
