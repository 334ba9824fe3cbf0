"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/ui/action-button-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { disconnectBrand } from "@/lib/brand/brand-account";

export async function disconnectBrandAction(): Promise<ActionState> {
  const user = await getCurrentUser();
  if (user?.role !== "ADMIN")
    return { error: "Only shop admins can disconnect the brand account." };
  const result = await disconnectBrand();
  if (!result.disconnected) return { error: "No brand account is connected." };
  revalidatePath("/admin/x");
  redirect(`/admin/x?notice=${result.revokedAtX ? "disconnected" : "disconnected-not-revoked"}`);
}
