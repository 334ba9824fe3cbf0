import pg from "pg";
import { drain } from "../lib/checks";
import { drive } from "../lib/load";
import { fixed, ratio, type Scenario } from "../lib/report";
import { CORE_PORT } from "../lib/setup";
import { asRequests, deliveriesOf } from "../lib/traffic";
import type { BenchContext } from "./context";

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 20_000);

/** A backlog of replies committed with no worker running (through the ingest core, fast). */
async function backlog(context: BenchContext) {
  const deliveries = deliveriesOf(context.posts, BACKLOG);
  await drive({
    url: `http://127.0.0.1:${CORE_PORT}`,
    label: `backlog of ${BACKLOG}`,
    requests: asRequests(deliveries),
    amount: deliveries.length,
    connections: 50,
  });
}

/**
 * The cart transaction alone, as the worker runs it per reply, straight through pg at the
 * workers' concurrency (10): lock the cart, add to the line, record the source, mark the reply.
 */
async function cartTransactionCeiling(url: string, seconds = 10) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let next = 0;
  let done = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  const { rows: products } = await pool.query<{ id: string }>(`SELECT id FROM "Product" LIMIT 5`);
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < deadline) {
        const n = next++;
        const userId = `bench-user-${n % 5000}`;
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
            `replycart:cart:${userId}`,
          ]);
          const { rows } = await client.query<{ id: string }>(
            `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "updatedAt")
             VALUES ($1, $2, $3, 'ceiling', 1, now())
             ON CONFLICT ("userId", "productId", variant)
               DO UPDATE SET quantity = least(10, "CartItem".quantity + 1), "updatedAt" = now()
             RETURNING id`,
            [`ceiling-${n}`, userId, products[n % products.length]!.id],
          );
          await client.query(
            `INSERT INTO "CartItemSource" ("tweetId", "cartItemId", quantity) VALUES ($1, $2, 1)`,
            [`ceiling-${n}`, rows[0]!.id],
          );
          await client.query("COMMIT");
          done += 1;
        } finally {
          client.release();
        }
      }
    }),
  );
  const perSecond = done / ((Date.now() - started) / 1000);
  await pool.query(`DELETE FROM "CartItem" WHERE variant = 'ceiling'`);
  await pool.end();
  return perSecond;
}

/** Replies/s of `count` worker processes draining a fresh backlog. */
async function drainRate(context: BenchContext, count: number) {
  await backlog(context);
  const workers = Array.from({ length: count }, (_, n) =>
    context.startWorker(`worker-${count}-${n}`),
  );
  const seconds = await drain(context.db);
  await Promise.all(workers.map((worker) => worker.stop()));
  return BACKLOG / seconds;
}

/**
 * 8: a backlog processed by one worker process, another by two, and a third by one again: every
 * backlog lands on a larger database than the one before, so one worker is measured on either
 * side of two and the comparison uses their mean.
 */
export async function workersScenario(context: BenchContext): Promise<Scenario> {
  const ceiling = await cartTransactionCeiling(context.url);
  const before = await drainRate(context, 1);
  const twoRate = await drainRate(context, 2);
  const after = await drainRate(context, 1);
  const oneRate = (before + after) / 2;
  return {
    name: `8. Workers (backlogs of ${BACKLOG} replies)`,
    rows: [
      { metric: "cart transaction alone via pg (tx/s)", value: fixed(ceiling) },
      {
        metric: "one worker (replies/s, before and after two)",
        value: `${fixed(oneRate)} (${fixed(before)}, ${fixed(after)})`,
      },
      {
        metric: "one worker ÷ cart transaction",
        value: ratio(oneRate / ceiling),
        target: "≥ 0.50 ×",
        ok: oneRate / ceiling >= 0.5,
      },
      { metric: "two workers (replies/s)", value: fixed(twoRate) },
      {
        metric: "two ÷ one",
        value: ratio(twoRate / oneRate),
        target: "≥ 0.95 ×",
        ok: twoRate / oneRate >= 0.95,
      },
    ],
  };
}
