import pg from "pg";

// Shared by the vitest and Playwright setups: tests only ever touch databases they create
// themselves, on a server that must be on this machine.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Throws unless the URL points at a Postgres server on this machine. */
export function assertLocalDatabase(url: string | undefined): string {
  if (!url)
    throw new Error("Tests need DATABASE_URL (a Postgres server); run them with `npm test`.");
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database host (${host}).`);
  }
  return url;
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
