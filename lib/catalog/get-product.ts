import type { PrismaClient } from "@/lib/generated/prisma/client";
import { productIdSchema } from "@/lib/catalog/product-id";
import { db } from "@/lib/database/db";

/** One active product with its marketplace, or null when there is none with that id. */
export async function getProduct(id: string, client: Pick<PrismaClient, "product"> = db) {
  const parsed = productIdSchema.safeParse(id);
  if (!parsed.success) return null;
  return client.product.findFirst({
    where: { id: parsed.data, active: true },
    select: {
      id: true,
      title: true,
      description: true,
      priceMinor: true,
      stock: true,
      digital: true,
      variants: true,
      imageUrl: true,
      marketplace: {
        select: { code: true, name: true, currency: true, hashtags: true, cartWord: true },
      },
    },
  });
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;
