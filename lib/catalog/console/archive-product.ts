import { refuse, type Refusal } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { db as appDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type ArchiveProductResult =
  { ok: true; audit: AuditReceipt } | Refusal<"not_found" | "already_archived">;

/**
 * Takes a product off sale for good: inactive and archived, never deleted, so the orders,
 * carts and replies that name it keep doing so; its storefront page says it is no longer sold.
 */
export async function archiveProduct(
  actor: AuditActor,
  productId: string,
  db: PrismaClient = appDb,
): Promise<ArchiveProductResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.product.findUnique({
      where: { id: productId },
      select: { active: true, archivedAt: true },
    });
    if (!before) return refuse("not_found", "That product no longer exists.");
    if (before.archivedAt) return refuse("already_archived", "That product is already archived.");
    const archivedAt = new Date();
    await tx.product.update({ where: { id: productId }, data: { active: false, archivedAt } });
    const audit = await recordAudit(tx, {
      actor,
      action: "product.archive",
      subject: { type: "Product", id: productId },
      before: { active: before.active, archivedAt: null },
      after: { active: false, archivedAt: archivedAt.toISOString() },
    });
    return { ok: true as const, audit };
  });
}
