import { z } from "zod";
import type { PrismaClient, StockReason } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";
import { orderNumber } from "@/lib/orders/order-number";

export const STOCK_HISTORY_PAGE_SIZE = 50;

/** `?before=` on a history page: the `seq` of the last entry of the previous page. */
export const stockHistoryCursorSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(2_147_483_647)
  .optional()
  .catch(undefined);

export type StockHistoryEntry = {
  id: string;
  seq: number;
  createdAt: Date;
  variantId: string;
  /** The size, "" for a product without sizes. */
  variantName: string;
  delta: number;
  before: number;
  after: number;
  reason: StockReason;
  note: string;
  /** Null for the system (the opening stock of the move to per-size stock). */
  actor: { id: string | null; email: string | null } | null;
  order: { id: string; number: string } | null;
};

export type StockHistoryPage = { entries: StockHistoryEntry[]; nextCursor: number | null };

/**
 * One page of a variant's or a product's stock history, newest change first, by the order the
 * changes were made in (`seq`). Keyset pagination: `before` is the last `seq` seen.
 */
export async function listStockHistory(
  of: { variantId: string } | { productId: string },
  { before, limit = STOCK_HISTORY_PAGE_SIZE }: { before?: number; limit?: number } = {},
  db: Pick<PrismaClient, "stockAdjustment"> = appDb,
): Promise<StockHistoryPage> {
  const rows = await db.stockAdjustment.findMany({
    where: { ...of, ...(before !== undefined && { seq: { lt: before } }) },
    orderBy: { seq: "desc" },
    take: limit + 1,
    select: {
      id: true,
      seq: true,
      createdAt: true,
      variantId: true,
      delta: true,
      before: true,
      after: true,
      reason: true,
      note: true,
      actorId: true,
      actorEmail: true,
      orderId: true,
      variant: { select: { name: true } },
      actor: { select: { email: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map(({ variant, actor, actorId, actorEmail, orderId, ...row }) => ({
      ...row,
      variantName: variant.name,
      // The email as it was when they made the change, else the account's (a console user's).
      actor:
        actorId || actorEmail ? { id: actorId, email: actorEmail ?? actor?.email ?? null } : null,
      order: orderId ? { id: orderId, number: orderNumber(orderId) } : null,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.seq : null,
  };
}
