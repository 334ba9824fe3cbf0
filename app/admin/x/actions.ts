"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/app/_actions/server-action";
import { refuse, type ActionState } from "@/lib/actions/result";
import { disconnectBrand } from "@/lib/brand/brand-account";

export async function disconnectBrandAction(): Promise<ActionState> {
  const guard = {
    signedOut: "Your session has ended. Sign in again to disconnect the brand account.",
    adminOnly: "Only shop admins can disconnect the brand account.",
  };
  return runAction(guard, null, async () => {
    const result = await disconnectBrand();
    if (!result.disconnected) return refuse("not_connected", "No brand account is connected.");
    revalidatePath("/admin/x");
    redirect(`/admin/x?notice=${result.revokedAtX ? "disconnected" : "disconnected-not-revoked"}`);
  });
}
