import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Env } from "@/lib/env";
import { withDatabase } from "@/lib/database/pg-adapter";
import {
  APP_DATABASE,
  embeddedClusterDir,
  embeddedServerUrl,
  runningClusterPort,
  startEmbeddedPostgres,
} from "./embedded-postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs `task` against the app's database for a one-off command: DATABASE_URL when set, else the
 * embedded Postgres under DATA_DIR, whether `npm start` is running it or not (then it is started
 * for the task and stopped after).
 */
export async function withAppDatabase<T>(
  env: Env,
  task: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  if (env.DATABASE_URL) return task(env.DATABASE_URL);
  const serverUrl = embeddedServerUrl(env.EMBEDDED_PG_PORT);
  const databaseUrl = withDatabase(serverUrl, APP_DATABASE);
  if (await reachable(databaseUrl)) return task(databaseUrl);

  const port = env.EMBEDDED_PG_PORT;
  const dir = path.resolve(embeddedClusterDir(env.DATA_DIR));
  if (!existsSync(path.join(dir, "PG_VERSION")))
    throw new Error(
      `No database answers on 127.0.0.1:${port} and there is none under ${dir} yet: run \`npm start\` first, or give this command the EMBEDDED_PG_PORT and DATA_DIR that \`npm start\` uses.`,
    );
  // Started by `npm start` with another EMBEDDED_PG_PORT: a second server on it cannot start.
  const runningPort = runningClusterPort(dir);
  if (runningPort !== undefined && runningPort !== port)
    throw new Error(
      `The database under ${dir} is running on port ${runningPort}, not ${port}: run this again with EMBEDDED_PG_PORT=${runningPort}, as \`npm start\` was.`,
    );
  const server = await startEmbeddedPostgres({ dir, port });
  try {
    return await task(databaseUrl);
  } finally {
    await server.stop();
  }
}
