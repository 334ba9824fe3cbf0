import { createPrismaClient } from "@/lib/database/db";
import { createPool } from "@/lib/database/pg-adapter";
import { getEnv } from "@/lib/env";
import { postgresPacer } from "@/lib/outbox/pacing";
import { postProductOnX, ProductPostError } from "@/lib/catalog/post-product";

/**
 * The embedded default's first start: the brand posts each product that a reply could add (in
 * stock, not digital) and has no post yet, so the simulator holds a post to reply to for each.
 * Later starts post only products added since. A failure is logged, never fatal. The posts go
 * through the console's function, so they take their turns from the brand's posting budget.
 */
export async function postDemoCatalog(options: {
  databaseUrl: string;
  appUrl: string;
  log: (line: string) => void;
}) {
  const db = createPrismaClient(options.databaseUrl);
  const pool = createPool(options.databaseUrl, 1);
  try {
    const env = getEnv();
    const pacer = postgresPacer(env.BOT_REPLIES_PER_15_MINUTES, {
      nonAddedPercent: env.BOT_NON_ADDED_SHARE_PERCENT,
      pool,
    });
    const unposted = await db.product.findMany({
      where: {
        active: true,
        digital: false,
        variants: { some: { stock: { gt: 0 } } },
        tweets: { none: {} },
      },
      orderBy: [{ marketplaceId: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    let posted = 0;
    for (const { id } of unposted) {
      try {
        await postProductOnX(db, id, options.appUrl, { pacer });
        posted += 1;
      } catch (error) {
        if (!(error instanceof ProductPostError)) throw error;
        options.log(`Not posting ${id} on X: ${error.message}`);
      }
    }
    if (posted)
      options.log(`The brand posted ${posted} products in the X simulator, ready for replies.`);
  } catch (error) {
    options.log(`Posting the catalog in the X simulator failed: ${(error as Error).message}`);
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}
