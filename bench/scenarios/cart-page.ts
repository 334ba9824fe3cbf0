import { randomBytes } from "node:crypto";
import { drive } from "../lib/load";
import { ms, type Scenario } from "../lib/report";
import { APP_URL } from "../lib/setup";
import type { BenchContext } from "./context";

const USERS = 10_000;
const LINES_PER_USER = 10;

/**
 * 9: `/cart` for one signed-in shopper while 100,000 cart lines of 10,000 shoppers fill the
 * table: 200 requests one after another, after 20 that warm the page up.
 */
export async function cartPageScenario(context: BenchContext): Promise<Scenario> {
  const { db } = context;
  await db.query(
    `INSERT INTO "User" (id, email, "updatedAt")
     SELECT 'cart-user-' || g, 'cart' || g || '@example.com', now() FROM generate_series(0, $1 - 1) g`,
    [USERS],
  );
  // Each shopper's lines: one per size of a few products, US and UK, some from replies.
  await db.query(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "addedPriceMinor", "updatedAt")
     SELECT 'cart-line-' || u || '-' || k, 'cart-user-' || u, p.id, 'v' || k, 1 + k % 3, p."priceMinor", now()
     FROM generate_series(0, $1 - 1) u
     CROSS JOIN generate_series(0, $2 - 1) k
     JOIN LATERAL (SELECT id, "priceMinor" FROM "Product" ORDER BY id OFFSET (k % 8) LIMIT 1) p ON true`,
    [USERS, LINES_PER_USER],
  );
  await db.query(
    `INSERT INTO "CartItemSource" ("tweetId", "cartItemId", quantity)
     SELECT 'cart-source-' || c.id, c.id, 1 FROM "CartItem" c WHERE c.variant IN ('v0', 'v1')
       AND c.id LIKE 'cart-line-%'`,
  );
  // Vacuumed as lines that came over weeks would be, so that autovacuum does not run on these
  // 100,000 fresh rows during the measurement (as for scenario 7).
  await db.query(`VACUUM (ANALYZE)`);
  const token = randomBytes(32).toString("hex");
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     VALUES ($1, $2, 'cart-user-4242', now() + interval '1 day')`,
    [`bench-session-${token.slice(0, 8)}`, token],
  );
  const lines = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "CartItem"`)).rows[0]!.n,
  );
  const requests = [
    {
      method: "GET" as const,
      path: "/cart",
      headers: { cookie: `next-auth.session-token=${token}` },
    },
  ];
  // The page's first render loads its code; every other scenario is measured warm too.
  await drive({ url: APP_URL, label: "/cart warm-up", requests, amount: 20, connections: 1 });
  const result = await drive({
    url: APP_URL,
    label: "/cart",
    requests,
    amount: 200,
    connections: 1,
  });
  return {
    name: `9. Cart page (${lines} cart lines in the table)`,
    rows: [
      { metric: "responses 200", value: `${result.statuses["200"] ?? 0} of ${result.requests}` },
      { metric: "p50", value: ms(result.latency.p50) },
      {
        metric: "p95",
        value: ms(result.latency.p95),
        target: "< 50 ms",
        ok: result.latency.p95 < 50 && (result.statuses["200"] ?? 0) === result.requests,
      },
    ],
  };
}
