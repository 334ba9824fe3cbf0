import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Prisma 6.19's wasm schema engine cannot deserialize Postgres's internal `name` (OID 19) and
// `"char"` (OID 18) columns (prisma/orm#27403). pg already returns them as strings, so telling
// the adapter they are text (OID 25) is lossless.
const UNREADABLE_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function retypeFields<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | null)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) {
      if (UNREADABLE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** A pg client that reports `name`/`"char"` columns as text, whichever way it is queried. */
class TextNameClient extends pg.Client {
  // pg.Pool calls query(text, values, callback); pooled clients in transactions use promises.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (last as (e: unknown, r: unknown) => void)(error, error ? result : retypeFields(result));
    }
    const out = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(retypeFields) as never;
    }
    return out as never;
  }
}

/**
 * For the pools that serve requests and jobs: waiting more than 10 s for a connection, or more
 * than 20 s on one statement (a lock wait included), fails (a 5xx, a retried job) instead of
 * hanging.
 */
export const BOUNDED_WAITS = { connectionTimeoutMillis: 10_000, statement_timeout: 20_000 };

/**
 * Sessions in UTC: every time column is timestamptz, but Prisma's adapter sends Dates as UTC
 * without an offset and reads timestamptz by replacing the offset with +00:00, so a server
 * whose TimeZone is not UTC would otherwise shift every value Prisma writes or reads.
 */
export function createPool(connectionString: string, max = 10, options: pg.PoolConfig = {}) {
  const pool = new pg.Pool({
    connectionString,
    max,
    options: "-c TimeZone=UTC",
    ...options,
    Client: TextNameClient,
  });
  // An idle connection the server closed (a restart, a dropped database) leaves the pool and is
  // replaced on the next query; unheard, the pool's error event would end the process.
  pool.on("error", () => undefined);
  return pool;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/**
 * PrismaPg whose transactions always give their connection back to the pool. Prisma 6.19's
 * transaction manager sends COMMIT or ROLLBACK and only then calls commit()/rollback(), which
 * release the connection; when that statement throws (the server restarted or crashed during
 * the transaction) the release is skipped and the pool has lost a connection for good. After
 * `max` such losses every query waits forever, even once the database is back.
 */
export class ReleasingPrismaPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releaseWhenEndFails(await startTransaction(isolationLevel));
    return adapter;
  }
}

function releaseWhenEndFails(tx: PgTransaction): PgTransaction {
  const executeRaw = tx.executeRaw.bind(tx);
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  let released = false;
  const release = async (end: () => Promise<void>) => {
    if (released) return; // pg-pool throws on a second release
    released = true;
    await end();
  };
  tx.commit = () => release(commit);
  tx.rollback = () => release(rollback);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // Either way the transaction is over; pg-pool discards the client if its connection broke.
      if (query.sql === "COMMIT" || query.sql === "ROLLBACK") await release(rollback);
      throw error;
    }
  };
  return tx;
}

/** Returns the same server URL pointing at another database. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * PrismaPg whose shadow database is created and dropped safely: the stock version drops the
 * database while its own pool still holds a connection, and ignores `database` when a
 * connection string is given.
 */
export class MigratingPrismaPg extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(createPool(connectionString));
  }

  override async connectToShadowDb() {
    const admin = createPool(this.connectionString, 1);
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowPool = createPool(withDatabase(this.connectionString, name), 2);
    const adapter = await new PrismaPg(shadowPool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadowPool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return adapter;
  }
}
