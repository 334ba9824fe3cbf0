import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import type { Sql } from "@/lib/database/sql";

// Jobs are inserted in the same transaction as the rows they are about, so a committed reply
// always has its job and a rolled-back one never does.

let builder: PgBoss | undefined;

/** A pg-boss instance that is never started: it only writes job rows through `db`. */
function jobWriter(): PgBoss {
  builder ??= new PgBoss({ connectionString: databaseUrl() });
  return builder;
}

/** pg-boss's SQL, run inside the caller's transaction. */
function transactionDb(sql: Sql): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const params = values.map((value) => (value === undefined ? null : value));
      return { rows: await sql.library(text, params) };
    },
  };
}

/** Inserts jobs through the caller's transaction (`prismaSql(tx)` from a Prisma one). */
export async function enqueue(sql: Sql, jobs: PgBoss.JobInsert[]) {
  if (jobs.length) await jobWriter().insert(jobs, { db: transactionDb(sql) });
}
