import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createPool, ReleasingPrismaPg } from "@/lib/pg-adapter";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// A transaction whose connection dies (the server restarted or crashed under it) must still
// give its connection back: with a pool of one, a lost connection means every later query
// waits forever, even though the database is up.

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  db = new PrismaClient({
    adapter: new ReleasingPrismaPg(createPool(database.url, 1), { disposeExternalPool: true }),
  });
});
afterAll(async () => {
  await db?.$disconnect();
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
