import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inSqlTransaction } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createPool, ReleasingPrismaPg } from "@/lib/database/pg-adapter";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// A transaction whose connection dies (the server restarted or crashed under it), through
// Prisma or through the worker's plain SQL, must still give its connection back: with a pool of one, a lost connection means every later query
// waits forever, even though the database is up.

let database: TestDatabase;
let db: PrismaClient;
// The reply worker's plain-SQL transactions, on a pool of one as well.
let pool: pg.Pool;
beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  db = new PrismaClient({
    adapter: new ReleasingPrismaPg(createPool(database.url, 1), { disposeExternalPool: true }),
  });
  pool = createPool(database.url, 1);
});
afterAll(async () => {
  await db?.$disconnect();
  await pool?.end();
  await database?.drop();
});

/** SELECT 1 through the pool, or "no connection" when none comes back within 5 s. */
const nextQuery = () =>
  Promise.race([
    db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`.then(([row]) => row?.one),
    sleep(5_000).then(() => "no connection"),
  ]);

it("a connection that dies mid-transaction (ROLLBACK fails) goes back to the pool", async () => {
  await expect(
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
    }),
  ).rejects.toThrow();
  expect(await nextQuery()).toBe(1);
});

it("a connection that dies before COMMIT (COMMIT fails) goes back to the pool", async () => {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    await expect(
      db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await admin.query("SELECT pg_terminate_backend($1)", [row?.pid]);
        await sleep(200); // pg hears the connection close before Prisma sends COMMIT
      }),
    ).rejects.toThrow();
  } finally {
    await admin.end();
  }
  expect(await nextQuery()).toBe(1);
});

const SELECT_ONE = statement<{ one: number }>("SELECT 1 AS one");
const TERMINATE_SELF = statement("SELECT pg_terminate_backend(pg_backend_pid())");
const INSERT_ONE = statement(`INSERT INTO "Scratch" VALUES (1)`);

/** SELECT 1 in a plain-SQL transaction on `pool`, or "no connection" within 5 s. */
const nextSqlTransaction = () =>
  Promise.race([
    inSqlTransaction(pool, async (sql) => (await sql.query(SELECT_ONE))[0]?.one),
    sleep(5_000).then(() => "no connection"),
  ]);

it("a plain-SQL transaction whose connection dies gives way to a new connection", async () => {
  await expect(inSqlTransaction(pool, (sql) => sql.execute(TERMINATE_SELF))).rejects.toThrow();
  expect(await nextSqlTransaction()).toBe(1);
});

it("a plain-SQL transaction that fails rolls back, and its connection is used again", async () => {
  await pool.query(`CREATE TABLE IF NOT EXISTS "Scratch" ("n" int PRIMARY KEY)`);
  const [before] = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
  await expect(
    inSqlTransaction(pool, async (sql) => {
      await sql.execute(INSERT_ONE);
      await sql.execute(INSERT_ONE); // a duplicate key
    }),
  ).rejects.toThrow(/duplicate key/);
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "Scratch"`);
  expect(rows[0].n).toBe(0);
  const [after] = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
  expect(after?.pid).toBe(before?.pid);
});
