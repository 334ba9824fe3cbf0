import { db as appDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getBrandStatus, type BrandStatus } from "@/lib/brand/brand-account";
import { countWaitingReplies } from "@/lib/outbox/count-waiting-replies";
import { getStoreSales, type StoreSales } from "./store-sales";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type HomeSummary = {
  /** Confirmed orders: every one waits to be shipped until shipping is tracked. */
  ordersToShip: number;
  /** Products on sale with none left. */
  productsOutOfStock: number;
  /** Bot answers waiting to be posted at X. */
  botAnswersWaiting: number;
  /** Bot answers X refused or that failed for good, in the last 7 days. */
  botAnswersFailed: number;
  brand: BrandStatus | null;
  sales: StoreSales[];
};

/**
 * What the console's home shows: what needs doing now, and each store's sales today and this
 * week. `timeZone` decides where a day starts (UTC until the shop has a zone setting).
 */
export async function getHomeSummary(
  { now = new Date(), timeZone = "UTC" }: { now?: Date; timeZone?: string } = {},
  db: PrismaClient = appDb,
): Promise<HomeSummary> {
  const [ordersToShip, productsOutOfStock, botAnswersWaiting, botAnswersFailed, brand, sales] =
    await Promise.all([
      db.order.count({ where: { status: "CONFIRMED" } }),
      // Every size sold out (a product without sizes has one variant).
      db.product.count({ where: { active: true, variants: { every: { stock: 0 } } } }),
      countWaitingReplies(db),
      db.outboundReply.count({
        where: {
          status: { in: ["REFUSED", "FAILED"] },
          updatedAt: { gte: new Date(now.getTime() - WEEK_MS) },
        },
      }),
      getBrandStatus(db),
      getStoreSales(db, { now, timeZone }),
    ]);
  return { ordersToShip, productsOutOfStock, botAnswersWaiting, botAnswersFailed, brand, sales };
}
