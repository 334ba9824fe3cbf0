import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refuse, type Result } from "@/lib/actions/result";
import { db as appDb } from "@/lib/database/db";
import { lockCarts } from "./lock-cart";
import { cartLineIdSchema, firstIssue } from "./cart-inputs";
import { MISSING_LINE } from "./set-cart-quantity";
import { prismaSql } from "@/lib/database/sql";

export const removeCartLineSchema = z.object({ lineId: cartLineIdSchema });

export type RemoveCartLineResult = Result<object, "invalid_input" | "missing_line">;

/**
 * Takes a line out of the shopper's cart, and with it the record of which replies added it. A
 * line that is not theirs, or is gone already, is refused.
 */
export async function removeCartLine(
  userId: string,
  input: unknown,
  db: Pick<PrismaClient, "$transaction"> = appDb,
): Promise<RemoveCartLineResult> {
  const parsed = removeCartLineSchema.safeParse(input);
  if (!parsed.success) return refuse("invalid_input", firstIssue(parsed.error));
  return db.$transaction(async (tx) => {
    await lockCarts(prismaSql(tx), [userId]);
    const { count } = await tx.cartItem.deleteMany({ where: { id: parsed.data.lineId, userId } });
    return count ? { ok: true as const } : refuse("missing_line", MISSING_LINE);
  });
}
