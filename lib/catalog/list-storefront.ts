import { db } from "@/lib/database/db";

/** Every marketplace with its active products, for the storefront home page. */
export async function listStorefront() {
  return db.marketplace.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      currency: true,
      hashtags: true,
      products: {
        where: { active: true },
        orderBy: { title: "asc" },
        select: {
          id: true,
          title: true,
          priceMinor: true,
          stock: true,
          digital: true,
          imageUrl: true,
        },
      },
    },
  });
}

export type StorefrontMarketplace = Awaited<ReturnType<typeof listStorefront>>[number];
