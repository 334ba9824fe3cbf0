"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/result";

/** The attach form: the product choice (rendered by the page) and the post's link or id. */
export function AttachPostForm({
  action,
  productSelect,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  productSelect: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <label htmlFor="attach-product" className="text-sm font-medium text-slate-800">
        Product
      </label>
      {productSelect}
      <label htmlFor="attach-post" className="text-sm font-medium text-slate-800">
        The post&rsquo;s link or number
      </label>
      <input
        id="attach-post"
        name="post"
        required
        inputMode="url"
        autoComplete="off"
        placeholder="https://x.com/yourshop/status/1234567890"
        aria-describedby={state?.ok === false ? "attach-error" : undefined}
        className="w-full max-w-xl rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
      />
      {state?.ok === false && (
        <p id="attach-error" role="alert" className="text-sm text-rose-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="bg-brand-600 hover:bg-brand-700 self-start rounded-lg px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Checking with X…" : "Attach the post"}
      </button>
    </form>
  );
}
