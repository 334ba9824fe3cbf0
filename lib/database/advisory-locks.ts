import type { Sql } from "./sql";
import { statement } from "./statement";

// (The subquery is sorted before the outer select locks: Postgres does not pull a sorted
// subquery up, so the locks follow its order.)
const LOCK_KEYS = statement(
  `SELECT pg_advisory_xact_lock(lock_id)
   FROM (SELECT DISTINCT hashtext(key) AS lock_id FROM unnest($1::text[]) AS key ORDER BY 1) AS ids`,
);

/**
 * Takes transaction-level advisory locks on every key in one statement, in the order of their
 * lock ids. Every transaction that holds more than one lock of a kind takes them this way, so two
 * of them never wait on each other in a cycle.
 */
export async function lockKeys(sql: Sql, keys: string[]) {
  if (keys.length) await sql.execute(LOCK_KEYS, [keys]);
}
