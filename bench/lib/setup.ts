import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { SIMULATED_X_CONSUMER } from "@/lib/env";
import { withDatabase } from "@/lib/database/pg-adapter";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { adminQuery, assertLocalDatabase } from "../../test/support/local-database";

export const SECRET = SIMULATED_X_CONSUMER.consumerSecret;
export const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3200);
export const CORE_PORT = Number(process.env.BENCH_CORE_PORT ?? 3201);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const SHOPPERS = 5_000;
/** The load generator's concurrent connections in every closed-loop scenario. */
export const CONNECTIONS = 50;
const FIRST_X_ID = 800_000_000_000_000_000n;

export type BenchDatabase = { url: string; drop: () => Promise<void> };

/** A fresh, migrated and seeded database: on DATABASE_URL's server, else an embedded one. */
export async function freshDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  let serverUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) serverUrl = assertLocalDatabase(process.env.DATABASE_URL);
  else {
    log("No DATABASE_URL: starting an embedded Postgres for the bench");
    const server = await startEmbeddedPostgres({
      dir: path.join(".data", `bench-postgres-${randomBytes(3).toString("hex")}`),
      port: Number(process.env.BENCH_PG_PORT ?? 54340),
      persistent: false,
    });
    serverUrl = server.serverUrl;
    stopServer = server.stop;
  }
  const name = `replycart_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await prepareDatabase({
    databaseUrl: url,
    appUrl: APP_URL,
    adminEmail: "admin@replycart.local",
    mode: "demo",
    log,
  });
  return {
    url,
    async drop() {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopServer();
    },
  };
}

export const xIdOf = (shopper: number) => String(FIRST_X_ID + BigInt(shopper));

/**
 * Shoppers with linked X accounts, and a brand post for every US product without sizes, so that
 * each reply ("#addtocart") resolves from the database alone (no X call) and lands in a cart.
 */
export async function seedShoppers(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, "updatedAt")
       SELECT 'bench-user-' || g, 'bench' || g || '@example.com', now()
       FROM generate_series(0, $1 - 1) g`,
      [SHOPPERS],
    );
    await client.query(
      `INSERT INTO "Account" (id, "userId", type, provider, "providerAccountId", username)
       SELECT 'bench-account-' || g, 'bench-user-' || g, 'oauth', 'twitter',
              ($2::numeric + g)::text, 'bench' || g
       FROM generate_series(0, $1 - 1) g`,
      [SHOPPERS, FIRST_X_ID.toString()],
    );
    // Plenty of stock: the bench measures the pipeline, not sold-out answers.
    await client.query(
      `UPDATE "ProductVariant" v SET stock = 1000000000
       FROM "Product" p WHERE p.id = v."productId" AND NOT p.digital`,
    );
    const { rows } = await client.query<{ tweetId: string }>(
      `INSERT INTO "ProductTweet" ("tweetId", "productId")
       SELECT (700000000000000000 + row_number() OVER (ORDER BY p.id))::text, p.id
       FROM "Product" p JOIN "Marketplace" m ON m.id = p."marketplaceId"
       WHERE m.code = 'US' AND p.active AND NOT p.digital AND NOT EXISTS (SELECT FROM "ProductVariant" v WHERE v."productId" = p.id AND v.name <> '')
       RETURNING "tweetId"`,
    );
    if (rows.length === 0) throw new Error("No US product without sizes to post: the seed changed");
    return rows.map((row) => row.tweetId);
  } finally {
    await client.end();
  }
}

/** The app's environment for the bench's servers and workers. */
export function benchEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL,
    NEXTAUTH_URL: APP_URL,
    REPLYCART_MODE: "demo",
    PORT: String(APP_PORT),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: "bench-only-nextauth-secret-0123456789abcdef",
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString("base64"),
    REPLYCART_BENCH: "1",
    // The bench's shoppers reply far faster than the per-user cap allows real ones to.
    REPLY_ADDS_PER_MINUTE: "1000000",
  };
}
