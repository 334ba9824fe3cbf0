"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { unlinkX } from "@/lib/accounts/unlink-x";
import { getCurrentUser } from "@/lib/auth/current-user";
import { purgeReplyHistory } from "@/lib/replies/history/purge-reply-history";
import type { ActionState } from "@/components/ui/action-button-form";
import { fromShopPage, notFromShop } from "@/app/_actions/shop-origin";

// useActionState passes the previous state first; unlinking does not depend on it.
export async function unlinkXAction(): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again to unlink X." };
  if (!(await fromShopPage())) return { error: notFromShop() };
  const result = await unlinkX(user.id);
  if (!result.unlinked) return { error: "No X account is linked." };
  revalidatePath("/account");
  // The form disappears with the link, so the outcome is told by the page itself.
  redirect(`/account?notice=${result.revokedAtX ? "unlinked" : "unlinked-not-revoked"}`);
}

// Only the confirmation dialog's form sends this: a bare POST to the action purges nothing.
const purgeReplyHistorySchema = z.object({ confirm: z.literal("delete-reply-history") });

// Next refuses a foreign Origin but lets a missing one through; fromShopPage refuses both.
export async function purgeReplyHistoryAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again to delete your history." };
  if (!(await fromShopPage())) return { error: notFromShop() };
  const input = purgeReplyHistorySchema.safeParse(Object.fromEntries(formData));
  if (!input.success) return { error: "Confirm in the dialog to delete your reply history." };
  await purgeReplyHistory(user.id);
  revalidatePath("/account/replies");
  redirect("/account/replies?notice=purged");
}
