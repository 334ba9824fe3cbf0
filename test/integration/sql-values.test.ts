// A process whose clock is not UTC: pg's stock parsers read `timestamp` in the process's zone.
process.env.TZ = "America/New_York";

import { statement } from "@/lib/database/statement";
import { expect, it } from "vitest";
import { inSqlTransaction, prismaSql, type Sql } from "@/lib/database/sql";
import { pooledTestDatabase } from "./support/test-database";

// One `Sql` statement gives the same values whether pg or Prisma's adapter runs it: the code
// written against it (the cart line, the inbox, the locks) cannot tell which one it got.

const { database, pool } = pooledTestDatabase();

const viaPg = <T>(work: (sql: Sql) => Promise<T>) => inSqlTransaction(pool(), work);
const viaPrisma = <T>(work: (sql: Sql) => Promise<T>) =>
  database().db.$transaction((tx) => work(prismaSql(tx)));

const READ_VALUES = statement<Record<string, unknown>>(
  `SELECT $1::timestamptz AS "instant",
     TIMESTAMP '2026-03-01 12:34:56.789' AS "wallTime",
     ARRAY[TIMESTAMP '2026-03-01 12:34:56.789'] AS "wallTimes",
     9007199254740993::int8 AS "big", ARRAY[1::int8, NULL] AS "bigs",
     (SELECT count(*) FROM generate_series(1, 3)) AS "counted"`,
);
const WRITE_MARKETPLACE = statement(
  `INSERT INTO "Marketplace" ("id", "code", "name", "currency", "hashtags", "shopHosts", "createdAt")
   VALUES ($1, $1, $1, 'USD', '{}', '{}', $2)`,
);
const READ_MARKETPLACES = statement<{ code: string; createdAt: Date; same: boolean }>(
  `SELECT "code", "createdAt", "createdAt" = $1 AS "same" FROM "Marketplace"
   WHERE "code" IN ('PG', 'PR') ORDER BY "code"`,
);

it("reads times and int8 the same through pg and through Prisma", async () => {
  const at = new Date("2026-03-01T12:34:56.789Z");
  const read = (sql: Sql) => sql.query(READ_VALUES, [at]);
  const [fromPg] = await viaPg(read);
  const [fromPrisma] = await viaPrisma(read);
  expect(fromPg).toEqual(fromPrisma);
  expect(fromPg).toEqual({
    instant: at,
    wallTime: at,
    wallTimes: [at],
    big: 9007199254740993n,
    bigs: [1n, null],
    counted: 3n,
  });
});

it("stores a JS Date parameter that either one reads back as the same instant", async () => {
  const at = new Date("2026-03-01T12:00:00.000Z");
  const write = (code: string) => (sql: Sql) => sql.execute(WRITE_MARKETPLACE, [code, at]);
  const read = (sql: Sql) => sql.query(READ_MARKETPLACES, [at]);
  await viaPg(write("PG"));
  await viaPrisma(write("PR"));
  const expected = [
    { code: "PG", createdAt: at, same: true },
    { code: "PR", createdAt: at, same: true },
  ];
  expect(await viaPg(read)).toEqual(expected);
  expect(await viaPrisma(read)).toEqual(expected);
});
