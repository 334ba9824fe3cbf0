import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refuse, type Result } from "@/lib/actions/result";
import { db as appDb } from "@/lib/database/db";
import { lockCarts } from "./lock-cart";
import { cartLineIdSchema, cartQuantitySchema, firstIssue } from "./cart-inputs";
import { prismaSql } from "@/lib/database/sql";

export const setCartQuantitySchema = z.object({
  lineId: cartLineIdSchema,
  quantity: cartQuantitySchema,
});

export type SetCartQuantityResult = Result<{ quantity: number }, "invalid_input" | "missing_line">;

export const MISSING_LINE = "That item is no longer in your cart. The page now shows what is.";

/**
 * Sets how many of a line's product the shopper wants (1-10). A line that is not theirs, or no
 * longer exists (a deleted reply took it out), is refused and nothing changes.
 */
export async function setCartQuantity(
  userId: string,
  input: unknown,
  db: Pick<PrismaClient, "$transaction"> = appDb,
): Promise<SetCartQuantityResult> {
  const parsed = setCartQuantitySchema.safeParse(input);
  if (!parsed.success) return refuse("invalid_input", firstIssue(parsed.error));
  const { lineId, quantity } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockCarts(prismaSql(tx), [userId]);
    const { count } = await tx.cartItem.updateMany({
      where: { id: lineId, userId },
      data: { quantity },
    });
    return count ? { ok: true as const, quantity } : refuse("missing_line", MISSING_LINE);
  });
}
