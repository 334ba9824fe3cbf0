import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "./test-database";

const MIGRATIONS = path.join("prisma", "migrations");

/** One migration's SQL, as `prisma migrate deploy` would run it. */
export const migrationSql = (name: string) =>
  readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");

/**
 * A database built by every migration before `migration`, and a client on it, so a test can
 * write rows the way the app did then and run `migration` on them. `prepare` runs on the
 * client first (a session setting, say).
 */
export async function databaseBeforeMigration(
  migration: string,
  prepare?: (client: pg.Client) => Promise<unknown>,
): Promise<{ database: TestDatabase; client: pg.Client; close(): Promise<void> }> {
  const database = await createTestDatabase({ empty: true });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await prepare?.(client);
  const before = readdirSync(MIGRATIONS)
    .filter((name) => /^\d{14}_/.test(name) && name < migration)
    .sort();
  for (const name of before) await client.query(migrationSql(name));
  return {
    database,
    client,
    async close() {
      await client.end();
      await database.drop();
    },
  };
}
