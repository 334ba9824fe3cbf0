import { grantAdmin } from "@/lib/accounts/grant-admin";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedMarketplaces, type SeedProduct } from "@/lib/seed/catalog-data";

export type SeedOptions = { appUrl: string; adminEmail: string };

/**
 * Creates the demo catalog and the admin user (the shop's owner). Safe to run any number of times: existing rows
 * are left exactly as they are, so a merchant's edits survive a restart.
 */
export async function seedDatabase(db: PrismaClient, { appUrl, adminEmail }: SeedOptions) {
  const shopHost = new URL(appUrl).host;

  for (const marketplace of seedMarketplaces) {
    const { products, ...fields } = marketplace;
    await db.marketplace.upsert({
      where: { id: fields.id },
      update: {},
      create: { ...fields, shopHosts: [shopHost] },
    });
    for (const product of products) await seedProduct(db, fields.id, product);
  }

  // Promote an existing account to owner rather than overwrite it.
  await grantAdmin(db, adminEmail);
}

/**
 * A demo product, unless one with its id exists (whatever the merchant made of it): its
 * variants, and their stock received, as the history's first rows.
 */
async function seedProduct(
  db: PrismaClient,
  marketplaceId: string,
  { art, stock, ...product }: SeedProduct,
) {
  if (await db.product.findUnique({ where: { id: product.id }, select: { id: true } })) return;
  const sizes = typeof stock === "number" ? [["", stock] as const] : stock;
  try {
    await db.$transaction(async (tx) => {
      const { variants } = await tx.product.create({
        data: {
          ...product,
          marketplaceId,
          imageUrl: `/products/${art}.svg`,
          variants: {
            create: sizes.map(([name, count], position) => ({ name, position, stock: count })),
          },
        },
        select: { variants: { select: { id: true, stock: true } } },
      });
      await tx.stockAdjustment.createMany({
        data: variants
          .filter((variant) => variant.stock > 0)
          .map((variant) => ({
            variantId: variant.id,
            productId: product.id,
            delta: variant.stock,
            before: 0,
            after: variant.stock,
            reason: "RECEIVED" as const,
            note: "Demo catalog",
          })),
      });
    });
  } catch (error) {
    // Seeded by another process at the same moment.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}
