import { lockCarts } from "@/lib/cart/lock-cart";
import { addToCartLine } from "@/lib/cart/add-to-cart-line";
import type { Sql } from "@/lib/database/sql";

/**
 * Adds a reply's quantity to the shopper's line for the product and size (a new line, or more of
 * an existing one, never past 10) and records the reply as a source of the line. Returns how
 * many were added: 0 when the line was full already.
 */
export async function addReplyToCart(
  sql: Sql,
  add: { userId: string; productId: string; variant: string; quantity: number; tweetId: string },
): Promise<number> {
  const { userId, productId, variant } = add;
  await lockCarts(sql, [userId]);
  const { added } = await addToCartLine(
    sql,
    { userId, productId, variant },
    add.quantity,
    add.tweetId,
  );
  return added;
}
