import { z } from "zod";
import { db as appDb } from "@/lib/database/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { productIdSchema } from "@/lib/catalog/product-id";
import { VARIANT_ORDER } from "@/lib/catalog/variant-stock";

export const PRODUCT_PAGE_SIZE = 25;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The list's filters, as the URL carries them (anything unknown reads as unset). */
export const productFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["active", "inactive", "archived"]).optional().catch(undefined),
  stock: z.enum(["out", "low"]).optional().catch(undefined),
  posted: z.literal("yes").optional().catch(undefined),
  before: productIdSchema.optional().catch(undefined),
});

export type ProductFilters = z.infer<typeof productFiltersSchema>;

export type ConsoleProductRow = {
  id: string;
  title: string;
  sku: string | null;
  imageUrl: string | null;
  priceMinor: number;
  active: boolean;
  archivedAt: Date | null;
  lowStockThreshold: number;
  variants: { id: string; name: string; stock: number }[];
  stock: number;
  posts: number;
  repliesThisWeek: number;
};

export type ConsoleProductPage =
  { found: true; products: ConsoleProductRow[]; olderCursor: string | null } | { found: false };

function whereOf(marketplaceId: string, filters: ProductFilters): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [{ marketplaceId }];
  if (filters.q)
    and.push({
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { sku: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  if (filters.status === "active") and.push({ active: true });
  if (filters.status === "inactive") and.push({ active: false, archivedAt: null });
  if (filters.status === "archived") and.push({ archivedAt: { not: null } });
  if (filters.stock === "out") and.push({ variants: { none: { stock: { gt: 0 } } } });
  if (filters.posted === "yes") and.push({ tweets: { some: {} } });
  return { AND: and };
}

/**
 * One page of a store's products for the console, newest first, searched by title or SKU and
 * filtered. Keyset pagination on (createdAt, id): `before` names the last product of the
 * previous page, so products added meanwhile never shift rows across pages. "Low stock" (some
 * size at or below the product's own threshold) compares two columns, which Prisma's filters
 * cannot across a relation, so that filter is applied to each fetched batch.
 */
export async function listConsoleProducts(
  marketplaceId: string,
  filters: ProductFilters,
  { pageSize = PRODUCT_PAGE_SIZE, now = new Date() }: { pageSize?: number; now?: Date } = {},
  db: Pick<PrismaClient, "product"> = appDb,
): Promise<ConsoleProductPage> {
  const where = whereOf(marketplaceId, filters);
  let cursor: { createdAt: Date; id: string } | null = null;
  if (filters.before) {
    cursor = await db.product.findFirst({
      where: { id: filters.before, marketplaceId },
      select: { createdAt: true, id: true },
    });
    if (!cursor) return { found: false };
  }
  const products: ConsoleProductRow[] = [];
  let more = false;
  // Low stock is filtered after fetching: read batches until a page is full or none are left.
  for (;;) {
    const rows = await db.product.findMany({
      where: cursor
        ? {
            AND: [
              where,
              {
                OR: [
                  { createdAt: { lt: cursor.createdAt } },
                  { createdAt: cursor.createdAt, id: { lt: cursor.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: {
        id: true,
        title: true,
        sku: true,
        imageUrl: true,
        priceMinor: true,
        active: true,
        archivedAt: true,
        lowStockThreshold: true,
        createdAt: true,
        variants: { orderBy: VARIANT_ORDER, select: { id: true, name: true, stock: true } },
        _count: {
          select: {
            tweets: true,
            replies: { where: { receivedAt: { gte: new Date(now.getTime() - WEEK_MS) } } },
          },
        },
      },
    });
    for (const [index, { _count, createdAt, ...row }] of rows.entries()) {
      if (index === pageSize) break;
      cursor = { createdAt, id: row.id };
      const low = row.variants.some((variant) => variant.stock <= row.lowStockThreshold);
      if (filters.stock === "low" && !low) continue;
      products.push({
        ...row,
        stock: row.variants.reduce((sum, variant) => sum + variant.stock, 0),
        posts: _count.tweets,
        repliesThisWeek: _count.replies,
      });
      if (products.length === pageSize) break;
    }
    const exhausted = rows.length <= pageSize;
    if (products.length === pageSize) {
      // Rows beyond the last one shown (for "low", an older page may then turn out empty).
      more = rows.findIndex((row) => row.id === cursor!.id) < rows.length - 1;
      break;
    }
    if (exhausted) break;
  }
  return {
    found: true,
    products,
    olderCursor: more ? products.at(-1)!.id : null,
  };
}
