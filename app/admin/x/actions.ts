"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/ui/action-button-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { disconnectBrand } from "@/lib/brand/brand-account";
import { fromShopPage, notFromShop } from "@/app/_actions/shop-origin";

export async function disconnectBrandAction(): Promise<ActionState> {
  const user = await getCurrentUser();
  if (user?.role !== "ADMIN")
    return { error: "Only shop admins can disconnect the brand account." };
  if (!(await fromShopPage())) return { error: notFromShop() };
  const result = await disconnectBrand();
  if (!result.disconnected) return { error: "No brand account is connected." };
  revalidatePath("/admin/x");
  redirect(`/admin/x?notice=${result.revokedAtX ? "disconnected" : "disconnected-not-revoked"}`);
}
