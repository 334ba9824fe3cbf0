import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The products a post can offer (active, not digital, some size in stock), for the composer's
 * and the attach form's product choice, by store then title.
 */
export const listPostableProducts = (db: PrismaClient) =>
  db.product.findMany({
    where: { active: true, digital: false, variants: { some: { stock: { gt: 0 } } } },
    orderBy: [{ marketplaceId: "asc" }, { title: "asc" }],
    select: { id: true, title: true, marketplace: { select: { code: true } } },
    take: 500,
  });
