import type pg from "pg";

// Rules the database itself enforces, whatever code writes. They are not in the Prisma
// migrations because Prisma 6.19's wasm schema engine crashes replaying a migration that holds a
// CHECK constraint (so `migrate diff` and the drift test would break), and it splits migration
// files on ";" (so no trigger bodies either). They are applied after the migrations instead, by
// everything that migrates (npm start, npm run db:migrate, the test setups).
const CHECKS: [table: string, name: string, rule: string][] = [
  ["CartItem", "CartItem_quantity_range", `"quantity" BETWEEN 1 AND 10`],
  ["CartItemSource", "CartItemSource_quantity_positive", `"quantity" > 0`],
  // A reply's add sits in a cart line until checkout, then in the order line.
  ["CartItemSource", "CartItemSource_one_owner", `num_nonnulls("cartItemId", "orderItemId") = 1`],
  ["PendingAdd", "PendingAdd_quantity_positive", `"quantity" > 0`],
  ["OrderItem", "OrderItem_quantity_positive", `"quantity" > 0`],
  ["OrderItem", "OrderItem_price_not_negative", `"unitPriceMinor" >= 0`],
  ["ProductVariant", "ProductVariant_stock_not_negative", `"stock" >= 0`],
  // A history row says what the change was: before, after and the difference agree.
  ["StockAdjustment", "StockAdjustment_delta_adds_up", `"after" = "before" + "delta"`],
  ["StockAdjustment", "StockAdjustment_stock_not_negative", `"before" >= 0 AND "after" >= 0`],
];

export async function applyCheckConstraints(client: pg.ClientBase | pg.Pool) {
  for (const [table, name, rule] of CHECKS) {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_constraint WHERE conname = $1`, [
      name,
    ]);
    if (rowCount) continue;
    try {
      await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK (${rule})`);
    } catch (error) {
      // Added by a process migrating at the same moment.
      if ((error as { code?: string }).code !== "42710") throw error;
    }
  }
}

export const CHECK_CONSTRAINT_NAMES = CHECKS.map(([, name]) => name);
