"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/app/_actions/server-action";
import { CONSOLE_ACTIONS } from "@/app/admin/console-actions";
import type { ActionState } from "@/lib/actions/result";
import { db } from "@/lib/database/db";
import { addOrderNote, transitionOrder } from "@/lib/orders/transition-order";

// useActionState passes the previous state first; these do not depend on it.

// A post that is not a form (a script's) reaches the guard, and is refused there, not thrown on.
const fieldsOf = (formData: unknown) =>
  formData instanceof FormData ? Object.fromEntries(formData) : {};

export async function transitionOrderAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(
    CONSOLE_ACTIONS.transitionOrderAction,
    fieldsOf(formData),
    (user, input) => transitionOrder(db, user, input),
  );
  if (!result.ok) return result;
  const orderId = String(formData.get("orderId"));
  revalidatePath("/admin/orders");
  redirect(`/admin/orders/${orderId}?notice=${String(formData.get("action"))}`);
}

export async function addOrderNoteAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(
    CONSOLE_ACTIONS.addOrderNoteAction,
    fieldsOf(formData),
    (user, input) => addOrderNote(db, user, input),
  );
  if (!result.ok) return result;
  redirect(`/admin/orders/${String(formData.get("orderId"))}?notice=note`);
}
