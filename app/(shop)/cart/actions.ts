"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/app/_actions/server-action";
import type { ActionState, Result } from "@/lib/actions/result";
import { addProductToCart } from "@/lib/cart/add-product-to-cart";
import { removeCartLine } from "@/lib/cart/remove-cart-line";
import { setCartQuantity } from "@/lib/cart/set-cart-quantity";

export type AddToCartState = ActionState<{
  added: number;
  quantity: number;
  limitedBy: "stock" | "line" | null;
  cartWord: string;
}>;

const SIGNED_OUT = "Your session has ended. Sign in again to change your cart.";

// Any revalidatePath in an action makes Next render the current page into the action's answer,
// the header's cart count included, so the page settles to what the database holds. The
// inputs are validated by the cart's own operations, which every caller goes through.

export async function setCartQuantityAction(input: {
  lineId: string;
  quantity: number;
}): Promise<Result> {
  return runAction({ signedOut: SIGNED_OUT }, input, async (user) => {
    const result = await setCartQuantity(user.id, input);
    // Also after a refusal: a line that vanished (a deleted reply took it) leaves the page too.
    revalidatePath("/cart");
    return result;
  });
}

export async function removeCartLineAction(input: { lineId: string }): Promise<Result> {
  return runAction({ signedOut: SIGNED_OUT }, input, async (user) => {
    const result = await removeCartLine(user.id, input);
    revalidatePath("/cart");
    return result;
  });
}

export async function addToCartAction(
  _state: AddToCartState,
  formData: FormData,
): Promise<AddToCartState> {
  const signedOut = "Your session has ended. Sign in again to add to your cart.";
  return runAction({ signedOut }, formData, async (user) => {
    const result = await addProductToCart(user.id, {
      productId: formData.get("productId") ?? undefined,
      variant: formData.get("variant") ?? undefined,
      quantity: formData.get("quantity") ?? undefined,
    });
    if (!result.ok) return result;
    revalidatePath("/cart");
    const { added, quantity, limitedBy, cartWord } = result;
    return { ok: true, added, quantity, limitedBy, cartWord };
  });
}
