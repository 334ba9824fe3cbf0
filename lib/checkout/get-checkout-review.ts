import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lineProblem, type LineProblem } from "@/lib/cart/stock-shortage";
import { stockOf } from "@/lib/catalog/variant-stock";
import { db as appDb } from "@/lib/database/db";
import {
  checkSavedAddress,
  isShippingMarketplace,
  type MarketplaceCode,
  type SavedAddressCheck,
} from "./shipping-address";

export type ReviewLine = {
  lineId: string;
  productId: string;
  title: string;
  imageUrl: string | null;
  variant: string;
  quantity: number;
  unitPriceMinor: number;
  /** Of the line's size. */
  stock: number;
  problem: LineProblem | null;
};

export type CheckoutReview = {
  marketplace: { code: MarketplaceCode; name: string; currency: string; cartWord: string };
  lines: ReviewLine[];
  totalMinor: number;
  /** The address used last time, with the fields today's rules refuse marked. */
  savedAddress: SavedAddressCheck | null;
};

/**
 * The review step of checking out one marketplace's lines: today's prices and stock, what would
 * stop the order, and the address used last time. Null for a marketplace that does not exist.
 */
export async function getCheckoutReview(
  userId: string,
  code: string,
  db: PrismaClient = appDb,
): Promise<CheckoutReview | null> {
  if (!isShippingMarketplace(code)) return null;
  const marketplace = await db.marketplace.findUnique({
    where: { code },
    select: { id: true, name: true, currency: true, cartWord: true },
  });
  if (!marketplace) return null;
  const [items, saved] = await Promise.all([
    db.cartItem.findMany({
      where: { userId, product: { marketplaceId: marketplace.id } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        variant: true,
        quantity: true,
        product: {
          select: {
            id: true,
            title: true,
            imageUrl: true,
            priceMinor: true,
            active: true,
            variants: { select: { name: true, stock: true } },
          },
        },
      },
    }),
    db.shippingAddress.findUnique({
      where: { userId_marketplaceId: { userId, marketplaceId: marketplace.id } },
      select: {
        fullName: true,
        line1: true,
        line2: true,
        city: true,
        region: true,
        postalCode: true,
      },
    }),
  ]);
  const lines = items.map(({ id, variant, quantity, product }) => {
    const stock = stockOf(product.variants, variant);
    return {
      lineId: id,
      productId: product.id,
      title: product.title,
      imageUrl: product.imageUrl,
      variant,
      quantity,
      unitPriceMinor: product.priceMinor,
      stock,
      problem: lineProblem({ active: product.active, stock }, quantity),
    };
  });
  return {
    marketplace: { code, ...marketplace },
    lines,
    totalMinor: lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0),
    savedAddress: saved && checkSavedAddress(code, saved),
  };
}
