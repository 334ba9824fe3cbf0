import pg from "pg";

export type Db = pg.Pool;

export const count = async (db: Db, sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

/** Waits until the workers have processed every inbox row; returns how long that took, in s. */
export async function drain(db: Db, timeoutMs = 600_000): Promise<number> {
  const started = Date.now();
  let shown = 0;
  for (;;) {
    const waiting = await count(
      db,
      `SELECT count(*) AS n FROM "TweetEvent" WHERE status = 'RECEIVED'`,
    );
    if (waiting === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutMs) throw new Error(`${waiting} replies still unprocessed`);
    if (Date.now() - shown >= 1_000) {
      process.stdout.write(`\r  draining: ${waiting} replies left   `);
      shown = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type Integrity = {
  expected: number;
  lost: number;
  notAdded: number;
  doubledLines: number;
  quantityMismatch: number;
  answers: number;
  /** How the replies ended, when any did not end in a cart. */
  outcomes: Record<string, number>;
};

/**
 * Whether every distinct reply became exactly one inbox row, one cart contribution and one bot
 * answer: `lost` replies have no inbox row, `notAdded` did not end in a cart, `doubledLines`
 * counts cart lines whose quantity is not what their replies account for.
 */
export async function checkIntegrity(db: Db, replyIds: string[]): Promise<Integrity> {
  const ids = [...new Set(replyIds)];
  const found = await count(
    db,
    `SELECT count(*) AS n FROM "TweetEvent" WHERE "tweetId" = ANY($1)`,
    [ids],
  );
  const added = await count(
    db,
    `SELECT count(*) AS n FROM "TweetEvent" e JOIN "CartItemSource" s ON s."tweetId" = e."tweetId"
     WHERE e."tweetId" = ANY($1) AND e.outcome = 'ADDED'`,
    [ids],
  );
  const doubledLines = await count(
    db,
    `SELECT count(*) AS n FROM "CartItem" c
     WHERE c.quantity <> (SELECT coalesce(sum(s.quantity), 0) FROM "CartItemSource" s WHERE s."cartItemId" = c.id)`,
  );
  const answers = await count(
    db,
    `SELECT count(*) AS n FROM "OutboundReply" WHERE "inReplyToTweetId" = ANY($1)`,
    [ids],
  );
  const { rows } = await db.query<{ outcome: string | null; n: string }>(
    `SELECT outcome, count(*) AS n FROM "TweetEvent" WHERE "tweetId" = ANY($1) GROUP BY outcome`,
    [ids],
  );
  return {
    outcomes: Object.fromEntries(rows.map((row) => [row.outcome ?? "none", Number(row.n)])),
    expected: ids.length,
    lost: ids.length - found,
    notAdded: ids.length - added,
    doubledLines,
    quantityMismatch: doubledLines,
    answers,
  };
}

/** The inbox insert alone, straight through pg: `connections` loops for `seconds`. */
export async function databaseCeiling(url: string, connections: number, seconds: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_inbox (LIKE "TweetEvent" INCLUDING ALL)`);
  let next = 0;
  let done = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const id = `9${String(next++).padStart(17, "0")}`;
        await pool.query(
          `INSERT INTO bench_inbox (id, "tweetId", "latestTweetId", source, "authorXId", text, raw)
           VALUES ($1, $1, $1, 'XAA', '1', '@replycart #addtocart', '{"data":{}}')
           ON CONFLICT DO NOTHING`,
          [id],
        );
        done += 1;
      }
    }),
  );
  const perSecond = done / ((Date.now() - started) / 1000);
  await pool.query(`DROP TABLE bench_inbox`);
  await pool.end();
  return perSecond;
}
