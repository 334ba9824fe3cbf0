import {
  adjustStock,
  type AdjustStockInput,
  type AdjustStockResult,
} from "@/lib/catalog/adjust-stock";
import { refuse } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { db as appDb } from "@/lib/database/db";
import { prismaSql } from "@/lib/database/sql";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The reasons a person adjusts stock for; orders and cancellations move it themselves. */
export const MANUAL_STOCK_REASONS = ["RECEIVED", "CORRECTION", "DAMAGED", "RETURNED"] as const;

export type AdjustProductStockResult =
  | (Extract<AdjustStockResult, { ok: true }> & { audit: AuditReceipt })
  | Exclude<AdjustStockResult, { ok: true }>;

/**
 * A console user's stock adjustment of one of `productId`'s sizes: through adjustStock (its
 * history row) and the audit log, in one transaction.
 */
export async function adjustProductStock(
  actor: AuditActor,
  productId: string,
  input: Omit<AdjustStockInput, "orderId">,
  db: PrismaClient = appDb,
): Promise<AdjustProductStockResult> {
  if (!(MANUAL_STOCK_REASONS as readonly string[]).includes(String(input.reason)))
    return refuse("invalid_input", "Choose a reason: received, correction, damaged or returned.");
  return db.$transaction(async (tx) => {
    const variant = await tx.productVariant.findFirst({
      where: { id: String(input.variantId), productId },
      select: { name: true },
    });
    if (!variant) return refuse("not_found", "That size no longer exists.");
    const result = await adjustStock(prismaSql(tx), { ...input, orderId: null, actor });
    if (!result.ok) return result;
    const { adjustment } = result;
    const audit = await recordAudit(tx, {
      actor,
      action: "stock.adjust",
      subject: { type: "ProductVariant", id: adjustment.variantId },
      before: { size: variant.name, stock: adjustment.before },
      after: {
        size: variant.name,
        stock: adjustment.after,
        reason: adjustment.reason,
        note: typeof input.note === "string" ? input.note.trim() : "",
      },
    });
    return { ...result, audit };
  });
}
