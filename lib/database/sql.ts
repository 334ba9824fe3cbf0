import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Statement } from "./statement";

// The data-access rule: two ways into the database, no others.
// - Prisma's model API by default: explicit `select`, the owner in every `where`, no tokens.
// - `Sql` (below) for the per-reply hot paths, where Prisma's query compiler costs about 1 ms
//   of CPU a statement against pg's 0.15 ms, and for what the model API cannot say: row locks
//   (FOR UPDATE, SKIP LOCKED), advisory locks, `unnest`, CTEs that write, RETURNING of deleted
//   rows. Inside a Prisma transaction it is `prismaSql(tx)`; on the worker's pg client, `pgSql`.
// Not `$queryRaw` / `$executeRaw` templates: they are a third dialect of the same thing.
// Every text `Sql` runs is a `statement<Row>(...)` module constant (./statement.ts): typed rows,
// and a test that prepares each one against the migrated schema.

/**
 * Plain SQL with positional parameters, run by whichever connection holds the transaction: a
 * Prisma interactive transaction, or a pg client on the reply worker's hot path, where Prisma's
 * per-query cost (about 1 ms of CPU against pg's 0.15 ms) bounded the whole pipeline. Code
 * written against it (the cart line, the locks, the job insert) is shared by both.
 */
export type Sql = {
  query<Row>(statement: Statement<Row>, values?: unknown[]): Promise<Row[]>;
  /** For statements whose result is not read (Prisma cannot read `void` columns). */
  execute(statement: Statement<unknown>, values?: unknown[]): Promise<void>;
  /**
   * SQL a library writes (pg-boss's job insert) run in our transaction. Not ours to declare:
   * the statement test covers it by calling the library's code against the schema.
   */
  library(text: string, values?: unknown[]): Promise<unknown[]>;
};

export const prismaSql = (tx: Prisma.TransactionClient): Sql => ({
  query: ({ text }, values = []) => tx.$queryRawUnsafe(text, ...values),
  async execute({ text }, values = []) {
    await tx.$executeRawUnsafe(text, ...values);
  },
  library: (text, values = []) => tx.$queryRawUnsafe(text, ...values),
});

// pg's stock parsers read `timestamp` in the process's time zone and int8 as a string, while
// Prisma's adapter reads the first as UTC and the second as BigInt. pgSql reads them Prisma's
// way, so a statement gives the same values on either connection: BigInt, as int8 can exceed
// 2^53 (cast counts to int where a number is wanted). Set per statement, not on the pool, so
// the libraries sharing our pools (rate-limiter-flexible reads its int8 `expire` as a string)
// keep pg's defaults.
const INT8 = 20;
const INT8_ARRAY = 1016;
const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const TEXT_ARRAY = 1009;
const stockParser = pg.types.getTypeParser as (
  oid: number,
  format?: string,
) => (value: string) => unknown;
const parseTextArray = stockParser(TEXT_ARRAY) as (value: string) => (string | null)[];
const parseUtc = (value: string) => new Date(`${value.replace(" ", "T")}+00:00`);
const arrayOf =
  <T>(parse: (value: string) => T) =>
  (value: string) =>
    parseTextArray(value).map((item) => (item === null ? null : parse(item)));
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: BigInt,
  [INT8_ARRAY]: arrayOf(BigInt),
  [TIMESTAMP]: parseUtc,
  [TIMESTAMP_ARRAY]: arrayOf(parseUtc),
};
const types = {
  getTypeParser: (oid: number, format?: string) =>
    (format ?? "text") === "text" && parsers[oid] ? parsers[oid] : stockParser(oid, format),
} as pg.CustomTypesConfig;

// Every statement run through pgSql is a constant of this codebase, so each is named and
// Postgres parses and plans it once per connection instead of on every call: on the ingest
// path that was a third of the database's work per delivery. The name is a hash of the text,
// so a module loaded again (a dev reload) against pooled connections that prepared the
// statements before gives each the same name as before.
const statementNames = new Map<string, string>();

function named(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name) {
    name = `replycart_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return { name, text, values, types };
}

export const pgSql = (client: pg.ClientBase | pg.Pool): Sql => ({
  query: async ({ text }, values = []) => (await client.query(named(text, values))).rows,
  async execute({ text }, values = []) {
    await client.query(named(text, values));
  },
  library: async (text, values = []) => (await client.query(named(text, values))).rows,
});

/**
 * Runs `work` in one transaction on a connection of `pool`. A connection whose ROLLBACK fails
 * (the server went away mid-transaction) is destroyed instead of going back to the pool.
 */
export async function inSqlTransaction<T>(
  pool: pg.Pool,
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A connection lost while checked out is reported on the client too; the query's own
  // rejection handles it, and unheard the event would end the process.
  const ignore = () => undefined;
  client.on("error", ignore);
  let result: T;
  try {
    await client.query("BEGIN");
    result = await work(pgSql(client));
    await client.query("COMMIT");
  } catch (error) {
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    // A destroyed connection keeps its listener: its close may still be reported.
    if (rolledBack) client.off("error", ignore);
    client.release(rolledBack ? undefined : true);
    throw error;
  }
  client.off("error", ignore);
  client.release();
  return result;
}
