"use client";

import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/actions/result";
import {
  formatMicroUsd,
  X_POST_MAX_LENGTH,
  X_POST_PRICE_MICRO_USD,
  xPostCost,
  xPostLength,
} from "@/lib/posts/x-post-length";

/**
 * The post's text, prefilled from the product, with X's own count (a link counts 23, an emoji
 * or a CJK character 2) and what X bills for posting it, both as the merchant types.
 */
export function PostComposer({
  action,
  productId,
  draft,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  productId: string;
  draft: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const [text, setText] = useState(draft);
  const ids = { text: useId(), count: useId(), cost: useId(), error: useId() };
  const length = xPostLength(text);
  const over = length - X_POST_MAX_LENGTH;
  const cost = xPostCost(text);
  const empty = text.trim() === "";

  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor={ids.text} className="text-sm font-medium text-slate-800">
        Post text
      </label>
      <textarea
        id={ids.text}
        name="text"
        rows={7}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${ids.count} ${ids.cost}${state?.ok === false ? ` ${ids.error}` : ""}`}
        aria-invalid={over > 0 || undefined}
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
      />
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <p
          id={ids.count}
          data-testid="post-length"
          aria-live="polite"
          className={over > 0 ? "font-medium text-rose-700" : "text-slate-700"}
        >
          {length} / {X_POST_MAX_LENGTH} characters as X counts them
          {over > 0 ? `: ${over} too many` : ""}
        </p>
        <p id={ids.cost} data-testid="post-cost" className="text-slate-700">
          Costs {formatMicroUsd(cost)} at X
          {cost > X_POST_PRICE_MICRO_USD
            ? ` (it carries a link; ${formatMicroUsd(X_POST_PRICE_MICRO_USD)} without)`
            : ""}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        Each link counts as 23 characters whatever its length; an emoji or a Chinese, Japanese or
        Korean character counts as 2.
      </p>
      {state?.ok === false && (
        <p id={ids.error} role="alert" className="text-sm text-rose-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || over > 0 || empty}
        className="bg-brand-600 hover:bg-brand-700 self-start rounded-lg px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Posting…" : "Post on X"}
      </button>
    </form>
  );
}
