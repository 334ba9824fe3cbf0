import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { productIdSchema } from "@/lib/catalog/product-id";
import { prismaSql } from "@/lib/database/sql";
import { refuse, type Result } from "@/lib/actions/result";
import { db as appDb } from "@/lib/database/db";
import { lockCarts } from "./lock-cart";
import { addToCartLine, type LineAdd } from "./add-to-cart-line";
import { MAX_QUANTITY } from "./max-quantity";
import { cartQuantitySchema, firstIssue } from "./cart-inputs";
import {
  VARIANT_ORDER,
  sizeNames,
  sizesInStock,
  stockOf,
  totalStock,
} from "@/lib/catalog/variant-stock";

const NOT_SOLD = "This product is no longer sold.";

export const addProductToCartSchema = z.object({
  productId: z
    .string({ error: NOT_SOLD })
    .refine((id) => productIdSchema.safeParse(id).success, NOT_SOLD),
  // A form without a size select sends nothing; "" means no size.
  variant: z
    .string({ error: "Choose one of the sizes listed." })
    .trim()
    .max(20, "Choose one of the sizes listed.")
    .optional()
    .default(""),
  quantity: cartQuantitySchema,
});

export type AddProductToCartResult = Result<
  {
    lineId: string;
    /** How many this add put in: fewer than asked at the stock or the line's cap. */
    added: number;
    /** The line's quantity now. */
    quantity: number;
    limitedBy: LineAdd["limitedBy"];
    cartWord: string;
  },
  "invalid_input" | "not_sold" | "out_of_stock" | "size" | "line_full"
>;

/**
 * Adds a product from its page on the website: to a new line (remembering today's price) or to
 * the shopper's line for that product and size, which never goes past 10. Unlike a reply, a
 * website add can put digital products in the cart.
 */
export async function addProductToCart(
  userId: string,
  input: unknown,
  db: Pick<PrismaClient, "$transaction"> = appDb,
): Promise<AddProductToCartResult> {
  const parsed = addProductToCartSchema.safeParse(input);
  if (!parsed.success) return refuse("invalid_input", firstIssue(parsed.error));
  const { productId, variant, quantity } = parsed.data;

  return db.$transaction(async (tx): Promise<AddProductToCartResult> => {
    const product = await tx.product.findFirst({
      where: { id: productId, active: true },
      select: {
        variants: { orderBy: VARIANT_ORDER, select: { name: true, stock: true } },
        marketplace: { select: { cartWord: true } },
      },
    });
    if (!product) return refuse("not_sold", NOT_SOLD);
    const { cartWord } = product.marketplace;
    if (totalStock(product.variants) <= 0)
      return refuse(
        "out_of_stock",
        `It's out of stock, so it can't go in your ${cartWord} right now.`,
      );
    const sizes = sizeNames(product.variants);
    if (sizes.length > 0 && !variant) return refuse("size", "Choose a size.");
    if (sizes.length > 0 && !sizes.includes(variant))
      return refuse("size", `There is no size ${variant}. Choose ${sizes.join(", ")}.`);
    if (sizes.length === 0 && variant)
      return refuse("size", "This product comes in one size only.");
    if (stockOf(product.variants, variant) <= 0)
      return refuse(
        "out_of_stock",
        `Size ${variant} is sold out right now. ${inStockMessage(sizesInStock(product.variants))}`,
      );

    const sql = prismaSql(tx);
    await lockCarts(sql, [userId]);
    const line = await addToCartLine(sql, { userId, productId, variant }, quantity);
    if (!line.lineId)
      return refuse("out_of_stock", `It has just sold out, so nothing went in your ${cartWord}.`);
    if (line.added <= 0)
      return line.limitedBy === "stock"
        ? refuse(
            "line_full",
            `Your ${cartWord} already holds all we have of it${variant ? ` in size ${variant}` : ""} (${line.quantity}).`,
          )
        : refuse(
            "line_full",
            `Your ${cartWord} already holds ${MAX_QUANTITY} of this product, the most one line can.`,
          );
    return {
      ok: true,
      lineId: line.lineId,
      added: line.added,
      quantity: line.quantity,
      limitedBy: line.limitedBy,
      cartWord,
    };
  });
}

const inStockMessage = (sizes: string[]) =>
  sizes.length === 1 ? `Size ${sizes[0]} is in stock.` : `In stock: ${sizes.join(", ")}.`;
