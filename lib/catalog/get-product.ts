import type { PrismaClient } from "@/lib/generated/prisma/client";
import { productIdSchema } from "@/lib/catalog/product-id";
import { db } from "@/lib/database/db";
import { VARIANT_ORDER, totalStock, type VariantStock } from "./variant-stock";

/**
 * One active product with its marketplace, or null when there is none with that id: its stock
 * all sizes together, and its sizes (none for a product without) each with its own stock.
 */
export async function getProduct(id: string, client: Pick<PrismaClient, "product"> = db) {
  const parsed = productIdSchema.safeParse(id);
  if (!parsed.success) return null;
  const product = await client.product.findFirst({
    where: { id: parsed.data, active: true },
    select: {
      id: true,
      title: true,
      description: true,
      priceMinor: true,
      digital: true,
      imageUrl: true,
      variants: { orderBy: VARIANT_ORDER, select: { name: true, stock: true } },
      marketplace: {
        select: { code: true, name: true, currency: true, hashtags: true, cartWord: true },
      },
    },
  });
  if (!product) return null;
  const { variants, ...rest } = product;
  const sizes: VariantStock[] = variants.filter((variant) => variant.name !== "");
  return { ...rest, stock: totalStock(variants), sizes };
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;

/** The title of an archived product (taken off sale for good), or null when it is not one. */
export async function getArchivedProductTitle(
  id: string,
  client: Pick<PrismaClient, "product"> = db,
): Promise<string | null> {
  const parsed = productIdSchema.safeParse(id);
  if (!parsed.success) return null;
  const product = await client.product.findFirst({
    where: { id: parsed.data, archivedAt: { not: null } },
    select: { title: true },
  });
  return product?.title ?? null;
}
