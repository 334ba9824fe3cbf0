import { randomBytes } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPool, withDatabase } from "@/lib/database/pg-adapter";
import { adminQuery } from "../../support/local-database";

export type TestDatabase = {
  name: string;
  url: string;
  db: PrismaClient;
  drop: () => Promise<void>;
};

const admin = (sql: string) => adminQuery(inject("serverUrl"), sql);

/** A fresh database of this run: migrated (cloned from the template) unless `empty` is set. */
export async function createTestDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const name = `${inject("runPrefix")}_${randomBytes(4).toString("hex")}`;
  const template = empty ? "template0" : inject("templateDatabase");
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(inject("serverUrl"), name);
  const db = createPrismaClient(url);
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * A migrated database and a pg pool on it for one test file: made before its tests, ended and
 * dropped after them. Call `database()` and `pool()` inside tests and hooks.
 */
export function pooledTestDatabase() {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });
  return { database: () => database!, pool: () => pool! };
}
