"use server";

import { revalidatePath } from "next/cache";
import { addProductToCart } from "@/lib/cart/add-product-to-cart";
import { removeCartLine } from "@/lib/cart/remove-cart-line";
import { setCartQuantity } from "@/lib/cart/set-cart-quantity";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fromShopPage, notFromShop } from "@/app/_actions/shop-origin";

export type CartActionResult = { error?: string };

export type AddToCartState =
  | { error?: undefined; added?: undefined }
  | { error: string; added?: undefined }
  | { error?: undefined; added: number; quantity: number; capped: boolean; cartWord: string };

const SIGNED_OUT = "Your session has ended. Sign in again to change your cart.";

// Any revalidatePath in an action makes Next render the current page into the action's answer,
// the header's cart count included, so the page settles to what the database holds.

export async function setCartQuantityAction(input: {
  lineId: string;
  quantity: number;
}): Promise<CartActionResult> {
  if (!(await fromShopPage())) return { error: notFromShop() };
  const user = await getCurrentUser();
  if (!user) return { error: SIGNED_OUT };
  const result = await setCartQuantity(user.id, input);
  // Also after a refusal: a line that vanished (a deleted reply took it) leaves the page too.
  revalidatePath("/cart");
  return "error" in result ? { error: result.error } : {};
}

export async function removeCartLineAction(input: { lineId: string }): Promise<CartActionResult> {
  if (!(await fromShopPage())) return { error: notFromShop() };
  const user = await getCurrentUser();
  if (!user) return { error: SIGNED_OUT };
  const result = await removeCartLine(user.id, input);
  revalidatePath("/cart");
  return "error" in result ? { error: result.error } : {};
}

export async function addToCartAction(
  _state: AddToCartState,
  formData: FormData,
): Promise<AddToCartState> {
  if (!(await fromShopPage())) return { error: notFromShop() };
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again to add to your cart." };
  const result = await addProductToCart(user.id, {
    productId: formData.get("productId") ?? undefined,
    variant: formData.get("variant") ?? undefined,
    quantity: formData.get("quantity") ?? undefined,
  });
  if ("error" in result) return { error: result.error };
  revalidatePath("/cart");
  const { added, quantity, capped, cartWord } = result;
  return { added, quantity, capped, cartWord };
}
