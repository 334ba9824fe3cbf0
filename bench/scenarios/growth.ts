import { checkIntegrity, drain } from "../lib/checks";
import { drive } from "../lib/load";
import { fixed, ratio, type Scenario } from "../lib/report";
import { APP_URL } from "../lib/setup";
import { ackRate, asRequests, deliveriesOf, latencyLine, replyIds } from "../lib/traffic";
import type { BenchContext } from "./context";

const INBOX_ROWS = Number(process.env.BENCH_GROWTH_ROWS ?? 1_000_000);

/** 7: scenario 3 again with a million processed replies and 100,000 cart lines already there. */
export async function growthScenario(context: BenchContext, emptyRate: number): Promise<Scenario> {
  const { db } = context;
  const existing = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "TweetEvent"`)).rows[0]!.n,
  );
  await db.query(
    `INSERT INTO "TweetEvent" (id, "tweetId", "latestTweetId", source, "authorXId", text, raw,
                               status, outcome, "receivedAt", "processedAt")
     SELECT 'old-' || g, (500000000000000000 + g)::text, (500000000000000000 + g)::text, 'XAA',
            (800000000000000000 + g % 5000)::text, '@replycart #addtocart', '{"data":{}}',
            'DONE', 'ADDED', now() - interval '1 day', now() - interval '1 day'
     FROM generate_series(1, $1) g`,
    [Math.max(0, INBOX_ROWS - existing)],
  );
  // A million rows that grew over weeks have been vacuumed and checkpointed along the way; rows
  // made in one statement have not, and autovacuum and the checkpoint would otherwise run
  // during the measurement (the last run without this measured 0.71 ×, the first with it 0.83 ×).
  await db.query(`VACUUM (ANALYZE)`);
  await db.query(`CHECKPOINT`);
  const rows = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "TweetEvent"`)).rows[0]!.n,
  );
  const lines = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "CartItem"`)).rows[0]!.n,
  );
  const mixed = deliveriesOf(context.posts, 10_000, 0.2, 0.05);
  const result = await drive({
    url: APP_URL,
    label: "ingest on a full inbox",
    requests: asRequests(mixed),
    amount: mixed.length,
    connections: 50,
  });
  await drain(context.db);
  const integrity = await checkIntegrity(db, replyIds(mixed));
  return {
    name: `7. Growth (${rows} inbox rows, ${lines} cart lines)`,
    rows: [
      { metric: "acks/s", value: fixed(ackRate(result)) },
      { metric: "ack latency", value: latencyLine(result) },
      {
        metric: "÷ empty database (scenario 3, worker alongside)",
        value: ratio(ackRate(result) / emptyRate),
        target: "≥ 0.80 ×",
        ok: ackRate(result) / emptyRate >= 0.8,
      },
      {
        metric: "lost / not in a cart",
        value: `${integrity.lost} / ${integrity.notAdded}`,
        target: "0 / 0",
        ok: integrity.lost === 0 && integrity.notAdded === 0,
      },
    ],
  };
}
