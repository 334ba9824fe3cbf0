import type pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { databaseUrl } from "@/lib/env";
import { createPool } from "@/lib/database/pg-adapter";

// rate-limiter-flexible counters in Postgres (table rate_limits, made by a migration), so every
// web and worker process shares them.

// Per pool: a limiter keeps the pool it was made with.
const limiters = new WeakMap<pg.Pool, Map<string, RateLimiterPostgres>>();
let sharedPool: pg.Pool | undefined;

export function limitsPool(): pg.Pool {
  sharedPool ??= createPool(databaseUrl(), 2);
  return sharedPool;
}

/** One counter family: `points` per `duration` seconds for each key. */
export function postgresLimiter(
  pool: pg.Pool,
  name: string,
  points: number,
  duration: number,
): RateLimiterPostgres {
  const id = `${name}:${points}:${duration}`;
  let ofPool = limiters.get(pool);
  if (!ofPool) {
    ofPool = new Map();
    limiters.set(pool, ofPool);
  }
  let found = ofPool.get(id);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration,
    });
    ofPool.set(id, found);
  }
  return found;
}
