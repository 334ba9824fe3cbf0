"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { unlinkX } from "@/lib/accounts/unlink-x";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { ActionState } from "@/components/ui/action-button-form";

// useActionState passes the previous state first; unlinking does not depend on it.
export async function unlinkXAction(): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again to unlink X." };
  const result = await unlinkX(user.id);
  if (!result.unlinked) return { error: "No X account is linked." };
  revalidatePath("/account");
  // The form disappears with the link, so the outcome is told by the page itself.
  redirect(`/account?notice=${result.revokedAtX ? "unlinked" : "unlinked-not-revoked"}`);
}
