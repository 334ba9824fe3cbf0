"use server";

import { revalidatePath } from "next/cache";
import { unlinkX } from "@/lib/accounts/unlink-x";
import { getCurrentUser } from "@/lib/auth/current-user";

export type UnlinkState = { error?: string; notice?: string };

// useActionState passes the previous state first; unlinking does not depend on it.
export async function unlinkXAction(): Promise<UnlinkState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again to unlink X." };
  const result = await unlinkX(user.id);
  revalidatePath("/account");
  if (!result.unlinked) return { error: "No X account is linked." };
  return {
    notice: result.revokedAtX
      ? "X is unlinked and our access was revoked at X."
      : "X is unlinked and its tokens are deleted here; X could not be reached to revoke them, so you can also remove replycart under Connected apps on X.",
  };
}
