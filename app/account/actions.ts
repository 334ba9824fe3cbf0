"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/app/_actions/server-action";
import { unlinkX } from "@/lib/accounts/unlink-x";
import { refuse, type ActionState } from "@/lib/actions/result";
import { purgeReplyHistory } from "@/lib/replies/history/purge-reply-history";

// useActionState passes the previous state first; unlinking does not depend on it.
export async function unlinkXAction(): Promise<ActionState> {
  const signedOut = "Your session has ended. Sign in again to unlink X.";
  return runAction({ signedOut }, null, async (user) => {
    const result = await unlinkX(user.id);
    if (!result.unlinked) return refuse("not_linked", "No X account is linked.");
    revalidatePath("/account");
    // The form disappears with the link, so the outcome is told by the page itself.
    redirect(`/account?notice=${result.revokedAtX ? "unlinked" : "unlinked-not-revoked"}`);
  });
}

// Only the confirmation dialog's form sends this: a bare POST to the action purges nothing.
const purgeReplyHistorySchema = z.object({
  confirm: z.literal("delete-reply-history", {
    error: "Confirm in the dialog to delete your reply history.",
  }),
});

export async function purgeReplyHistoryAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const signedOut = "Your session has ended. Sign in again to delete your history.";
  const input = Object.fromEntries(formData);
  return runAction({ signedOut, schema: purgeReplyHistorySchema }, input, async (user) => {
    await purgeReplyHistory(user.id);
    revalidatePath("/account/replies");
    redirect("/account/replies?notice=purged");
  });
}
