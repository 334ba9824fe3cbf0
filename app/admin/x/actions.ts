"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/app/_actions/server-action";
import { CONSOLE_ACTIONS } from "@/app/admin/console-actions";
import { refuse, type ActionState } from "@/lib/actions/result";
import { disconnectBrand } from "@/lib/brand/brand-account";

export async function disconnectBrandAction(): Promise<ActionState> {
  const result = await runAction(CONSOLE_ACTIONS.disconnectBrandAction, null, async (user) => {
    const outcome = await disconnectBrand(user);
    if (!outcome.disconnected) return refuse("not_connected", "No brand account is connected.");
    return { ok: true as const, audit: outcome.audit, revokedAtX: outcome.revokedAtX };
  });
  if (!result.ok) return result;
  revalidatePath("/admin/x");
  redirect(`/admin/x?notice=${result.revokedAtX ? "disconnected" : "disconnected-not-revoked"}`);
}
