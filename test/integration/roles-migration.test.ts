import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { databaseBeforeMigration, migrationSql } from "./support/database-before-migration";

// The migration that split the admin role into owner and staff keeps every admin an admin: the
// enum value is renamed in place, so stored rows follow it.

const MIGRATION = "20261208032037_console_roles_and_audit";

let client: pg.Client;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ client, close } = await databaseBeforeMigration(MIGRATION));
});
afterAll(() => close?.());

const roles = async () =>
  (
    await client.query<{ email: string; role: string }>(
      `SELECT email, role::text FROM "User" ORDER BY email`,
    )
  ).rows;

it("makes every admin an owner, leaves shoppers shoppers, and adds staff", async () => {
  await client.query(
    `INSERT INTO "User" (id, email, role, "updatedAt") VALUES
       ('a', 'admin@example.com', 'ADMIN', now()),
       ('s', 'shopper@example.com', 'SHOPPER', now()),
       ('d', 'default@example.com', DEFAULT, now())`,
  );
  await client.query(migrationSql(MIGRATION));
  expect(await roles()).toEqual([
    { email: "admin@example.com", role: "OWNER" },
    { email: "default@example.com", role: "SHOPPER" },
    { email: "shopper@example.com", role: "SHOPPER" },
  ]);
  await client.query(`UPDATE "User" SET role = 'STAFF' WHERE id = 's'`);
  const labels = await client.query<{ label: string }>(
    `SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = '"Role"'::regtype ORDER BY enumsortorder`,
  );
  expect(labels.rows.map((row) => row.label)).toEqual(["SHOPPER", "STAFF", "OWNER"]);
});
