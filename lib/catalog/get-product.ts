import { db } from "@/lib/db";

/** One active product with its marketplace, or null when there is none with that id. */
export async function getProduct(id: string) {
  return db.product.findFirst({
    where: { id, active: true },
    select: {
      id: true,
      title: true,
      description: true,
      priceMinor: true,
      stock: true,
      digital: true,
      variants: true,
      imageUrl: true,
      marketplace: { select: { code: true, name: true, currency: true, hashtags: true } },
    },
  });
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;
