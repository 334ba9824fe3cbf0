import { db } from "@/lib/database/db";
import { totalStock } from "./variant-stock";

/** Every marketplace with its active products, for the storefront home page. */
export async function listStorefront() {
  const marketplaces = await db.marketplace.findMany({
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
          digital: true,
          imageUrl: true,
          variants: { select: { stock: true } },
        },
      },
    },
  });
  // A card says whether the product can be had at all: its stock, every size together.
  return marketplaces.map(({ products, ...marketplace }) => ({
    ...marketplace,
    products: products.map(({ variants, ...product }) => ({
      ...product,
      stock: totalStock(variants),
    })),
  }));
}

export type StorefrontMarketplace = Awaited<ReturnType<typeof listStorefront>>[number];
