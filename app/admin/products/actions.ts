"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/app/_actions/server-action";
import { CONSOLE_ACTIONS } from "@/app/admin/console-actions";
import type { ActionState } from "@/lib/actions/result";
import { adjustProductStock } from "@/lib/catalog/console/adjust-product-stock";
import { archiveProduct } from "@/lib/catalog/console/archive-product";
import { productFormInput } from "@/lib/catalog/console/product-form-data";
import { createProduct, updateProduct } from "@/lib/catalog/console/save-product";

// A post that is not a form (no FormData) reads as empty fields: the guard answers it first.
const text = (formData: FormData | undefined, name: string) => {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value : "";
};

export async function createProductAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(CONSOLE_ACTIONS.createProductAction, null, (user) =>
    createProduct(
      user,
      text(formData, "marketplaceId"),
      productFormInput(formData ?? new FormData()),
    ),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/products");
  redirect(`/admin/products/${result.productId}?notice=created`);
}

export async function updateProductAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const productId = text(formData, "productId");
  const result = await runAction(CONSOLE_ACTIONS.updateProductAction, null, (user) =>
    updateProduct(user, productId, productFormInput(formData ?? new FormData())),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/products");
  revalidatePath(`/p/${productId}`);
  redirect(`/admin/products/${productId}?notice=saved`);
}

export async function adjustStockAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const productId = text(formData, "productId");
  const result = await runAction(CONSOLE_ACTIONS.adjustStockAction, null, (user) =>
    adjustProductStock(user, productId, {
      variantId: text(formData, "variantId"),
      delta: text(formData, "delta"),
      reason: text(formData, "reason") as never,
      note: text(formData, "note"),
    }),
  );
  if (!result.ok) return result;
  revalidatePath(`/p/${productId}`);
  redirect(`/admin/products/${productId}?notice=adjusted`);
}

export async function archiveProductAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const productId = text(formData, "productId");
  const result = await runAction(CONSOLE_ACTIONS.archiveProductAction, null, (user) =>
    archiveProduct(user, productId),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/products");
  revalidatePath(`/p/${productId}`);
  redirect(`/admin/products/${productId}?notice=archived`);
}
