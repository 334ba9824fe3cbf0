import type { Prisma } from "@/lib/generated/prisma/client";
import { lockCart } from "@/lib/cart/lock-cart";
import { raiseCartLine } from "@/lib/cart/raise-cart-line";
import { MAX_QUANTITY } from "./parse-quantity-size";

/**
 * Adds a reply's quantity to the shopper's line for the product and size (a new line, or more of
 * an existing one, never past 10) and records the reply as a source of the line. Returns how
 * many were added: 0 when the line was full already.
 */
export async function addReplyToCart(
  tx: Prisma.TransactionClient,
  add: { userId: string; productId: string; variant: string; quantity: number; tweetId: string },
): Promise<number> {
  const { userId, productId, variant } = add;
  await lockCart(tx, userId);
  const line = await tx.cartItem.findUnique({
    where: { userId_productId_variant: { userId, productId, variant } },
  });
  const added = Math.min(MAX_QUANTITY - (line?.quantity ?? 0), add.quantity);
  if (added <= 0) return 0;
  const saved = await raiseCartLine(
    tx,
    { userId, productId, variant },
    line,
    added,
    async () => (await tx.product.findUniqueOrThrow({ where: { id: productId } })).priceMinor,
  );
  await tx.cartItemSource.create({
    data: { tweetId: add.tweetId, cartItemId: saved.id, quantity: added },
  });
  return added;
}
