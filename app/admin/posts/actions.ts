"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/app/_actions/server-action";
import { CONSOLE_ACTIONS } from "@/app/admin/console-actions";
import { refuse, type ActionState } from "@/lib/actions/result";
import { postProductOnX, ProductPostError } from "@/lib/catalog/post-product";
import { db } from "@/lib/database/db";
import { getEnv } from "@/lib/env";
import { attachPost } from "@/lib/posts/attach-post";
import { attachPostSchema, postProductSchema, postStateSchema } from "@/lib/posts/post-inputs";
import { setPostClosed } from "@/lib/posts/set-post-closed";
import type { z } from "zod";

/**
 * The form's fields checked against `schema`, or the first problem as a refusal. Read only after
 * runAction's guard: a request that is no form at all must still meet the guard first.
 */
function invalid<Schema extends z.ZodType>(schema: Schema, formData: unknown) {
  const input = formData instanceof FormData ? Object.fromEntries(formData) : {};
  const parsed = schema.safeParse(input);
  return parsed.success
    ? ({ ok: true, data: parsed.data } as const)
    : refuse("invalid_input", parsed.error.issues[0]?.message ?? "Check what you entered.");
}

export async function postProductAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(CONSOLE_ACTIONS.postProductAction, formData, async (user) => {
    const parsed = invalid(postProductSchema, formData);
    if (!parsed.ok) return parsed;
    try {
      const { productId, text } = parsed.data;
      const posted = await postProductOnX(db, productId, getEnv().APP_URL, { text, actor: user });
      return { ok: true as const, audit: posted.audit };
    } catch (failure) {
      if (failure instanceof ProductPostError) return refuse("not_posted", failure.message);
      throw failure;
    }
  });
  if (!result.ok) return result;
  revalidatePath("/admin/posts");
  redirect("/admin/posts?notice=posted");
}

/** Closes or reopens a post; the page shows its new state in place. */
async function setClosed(
  user: Parameters<typeof setPostClosed>[1],
  formData: unknown,
  closed: boolean,
) {
  const parsed = invalid(postStateSchema, formData);
  if (!parsed.ok) return parsed;
  return setPostClosed(db, user, parsed.data.tweetId, closed);
}

export async function closePostAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(CONSOLE_ACTIONS.closePostAction, formData, (user) =>
    setClosed(user, formData, true),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/posts");
  return { ok: true };
}

export async function reopenPostAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(CONSOLE_ACTIONS.reopenPostAction, formData, (user) =>
    setClosed(user, formData, false),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/posts");
  return { ok: true };
}

export async function attachPostAction(
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction(CONSOLE_ACTIONS.attachPostAction, formData, async (user) => {
    const parsed = invalid(attachPostSchema, formData);
    if (!parsed.ok) return parsed;
    return attachPost(db, user, parsed.data);
  });
  if (!result.ok) return result;
  revalidatePath("/admin/posts");
  redirect("/admin/posts?notice=attached");
}
