import { grantAdmin } from "@/lib/accounts/grant-admin";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedMarketplaces } from "@/lib/seed/catalog-data";

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
    for (const { art, ...product } of products) {
      await db.product.upsert({
        where: { id: product.id },
        update: {},
        create: { ...product, marketplaceId: fields.id, imageUrl: `/products/${art}.svg` },
      });
    }
  }

  // Promote an existing account to owner rather than overwrite it.
  await grantAdmin(db, adminEmail);
}
