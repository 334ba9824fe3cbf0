import pg from "pg";

/** One query on the browser tests' database (npm test passes its URL), to check what was stored. */
export async function queryE2eDatabase<Row extends object>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
