import type { Prisma } from "@/lib/generated/prisma/client";

type LineKey = { userId: string; productId: string; variant: string };

/**
 * Adds `added` to the shopper's line for a product and size (under the cart lock), or creates
 * the line, noting the product's price then so the cart can tell when it changes.
 */
export async function raiseCartLine(
  tx: Prisma.TransactionClient,
  key: LineKey,
  line: { id: string; quantity: number } | null,
  added: number,
  priceNow: () => Promise<number>,
) {
  const select = { id: true, quantity: true } as const;
  return line
    ? tx.cartItem.update({
        where: { id: line.id, userId: key.userId },
        data: { quantity: line.quantity + added },
        select,
      })
    : tx.cartItem.create({
        data: { ...key, quantity: added, addedPriceMinor: await priceNow() },
        select,
      });
}
