import type { StockReason } from "@/lib/generated/prisma/client";
import { adjustStock, type StockActor } from "@/lib/catalog/adjust-stock";
import type { Sql } from "@/lib/database/sql";
import { orderNumber } from "./order-number";

/** How many of one variant an order holds. */
export type OrderStockLine = { variantId: string; quantity: number };

const NOTES: Record<"ORDER" | "CANCELLATION", (number: string) => string> = {
  ORDER: (number) => `Order ${number}`,
  CANCELLATION: (number) => `Order ${number} cancelled`,
};

/**
 * Takes an order's items out of stock (ORDER, at checkout) or puts them back (CANCELLATION),
 * through adjustStock, so both land in the variants' history naming the order. Variants are
 * changed in the order checkout locks them (by id), so a checkout and a cancellation touching
 * the same variants wait for each other instead of deadlocking. A decrement that
 * would go below 0 throws: the caller checked the stock under the variants' row locks, so it
 * means a bug, and the whole transaction must roll back.
 */
export async function moveOrderStock(
  sql: Sql,
  order: { orderId: string; reason: "ORDER" | "CANCELLATION"; actor: StockActor },
  lines: OrderStockLine[],
): Promise<void> {
  const sign = order.reason === "ORDER" ? -1 : 1;
  const sorted = [...lines].sort((a, b) => compare(a.variantId, b.variantId));
  for (const line of sorted) {
    const result = await adjustStock(sql, {
      variantId: line.variantId,
      delta: sign * line.quantity,
      reason: order.reason satisfies StockReason,
      note: NOTES[order.reason](orderNumber(order.orderId)),
      orderId: order.orderId,
      actor: order.actor,
    });
    if (!result.ok)
      throw new Error(
        `Stock of variant ${line.variantId} refused ${order.reason}: ${result.message}`,
      );
  }
}

// Byte order, as the locking statement's ORDER BY "id" COLLATE "C" compares.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
