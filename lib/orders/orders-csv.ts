import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";
import {
  CHANNEL_LABELS,
  listAdminOrders,
  type AdminOrderFilters,
  type AdminOrderRow,
} from "./list-admin-orders";
import { orderNumber } from "./order-number";
import { ORDER_STATUS_LABELS } from "./order-transitions";

/** How many orders each query of the export reads. */
export const CSV_BATCH = 500;

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return that some strip first) gets a leading apostrophe: a shopper's
 * name or a carrier typed as `=HYPERLINK(...)` stays text.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(",")}\r\n`;

export const CSV_HEADER = [
  "Order",
  "Placed (UTC)",
  "Store",
  "Email",
  "X handle",
  "Items",
  "Total",
  "Currency",
  "Status",
  "Came by",
  "Carrier",
  "Tracking number",
];

const cells = (order: AdminOrderRow) => [
  orderNumber(order.id),
  order.createdAt.toISOString(),
  order.store,
  order.email,
  order.xHandle ? `@${order.xHandle}` : null,
  order.itemCount,
  // Both stores' currencies have two decimals.
  (order.totalMinor / 100).toFixed(2),
  order.currency,
  ORDER_STATUS_LABELS[order.status],
  CHANNEL_LABELS[order.channel],
  order.carrier,
  order.trackingNumber,
];

/**
 * The filtered order list as CSV text, a batch of orders at a time (keyset pages, newest
 * first), so an export of every order never holds them all in memory.
 */
export async function* ordersCsv(
  filters: AdminOrderFilters,
  { db = appDb, batch = CSV_BATCH }: { db?: PrismaClient; batch?: number } = {},
): AsyncGenerator<string> {
  yield csvRow(CSV_HEADER);
  let before: string | undefined;
  for (;;) {
    const page = await listAdminOrders({ ...filters, before }, { db, pageSize: batch });
    if (!page.found) return;
    yield page.orders.map((order) => csvRow(cells(order))).join("");
    if (!page.olderCursor) return;
    before = page.olderCursor;
  }
}
