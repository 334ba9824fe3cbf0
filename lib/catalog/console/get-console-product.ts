import { db as appDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { productIdSchema } from "@/lib/catalog/product-id";
import { VARIANT_ORDER } from "@/lib/catalog/variant-stock";

/** A product as the console edits it, active or not, with its sizes and store; null if none. */
export async function getConsoleProduct(id: string, db: Pick<PrismaClient, "product"> = appDb) {
  if (!productIdSchema.safeParse(id).success) return null;
  return db.product.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      description: true,
      priceMinor: true,
      sku: true,
      active: true,
      archivedAt: true,
      lowStockThreshold: true,
      imageUrl: true,
      marketplace: { select: { id: true, code: true, name: true, currency: true } },
      variants: { orderBy: VARIANT_ORDER, select: { id: true, name: true, stock: true } },
    },
  });
}

export type ConsoleProduct = NonNullable<Awaited<ReturnType<typeof getConsoleProduct>>>;

/** The stores, for the console's store switch and the new-product form. */
export const listStores = (db: Pick<PrismaClient, "marketplace"> = appDb) =>
  db.marketplace.findMany({
    orderBy: { code: "desc" },
    select: { id: true, code: true, name: true, currency: true },
  });
