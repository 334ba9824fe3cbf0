"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/result";

const REASONS = [
  { value: "RECEIVED", label: "Received (adds)" },
  { value: "CORRECTION", label: "Correction (either way)" },
  { value: "DAMAGED", label: "Damaged (takes away)" },
  { value: "RETURNED", label: "Returned (adds)" },
] as const;

const inputClass =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900";
const labelClass = "flex flex-col gap-1 text-sm";
const nameClass = "font-medium text-slate-800";

/** Moves one size's stock by a number of items, with why: the only way stock changes. */
export function StockForm({
  action,
  productId,
  variants,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  productId: string;
  variants: { id: string; name: string; stock: number }[];
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errorId = useId();
  const sized = variants.some((variant) => variant.name !== "");

  return (
    <form
      action={formAction}
      aria-label="Adjust stock"
      aria-describedby={state?.ok === false ? errorId : undefined}
      className="flex flex-col gap-4"
      data-testid="stock-form"
    >
      <input type="hidden" name="productId" value={productId} />
      <div className="grid gap-4 sm:grid-cols-3">
        {sized ? (
          <label className={labelClass}>
            <span className={nameClass}>Size</span>
            <select name="variantId" className={inputClass}>
              {variants.map((variant) => (
                <option key={variant.id} value={variant.id}>
                  {variant.name} ({variant.stock} in stock)
                </option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="variantId" value={variants[0]?.id ?? ""} />
        )}
        <label className={labelClass}>
          <span className={nameClass}>Change</span>
          <input
            name="delta"
            required
            inputMode="numeric"
            pattern="[+\-]?[0-9]{1,7}"
            placeholder="+10 or -2"
            className={inputClass}
          />
        </label>
        <label className={labelClass}>
          <span className={nameClass}>Reason</span>
          <select name="reason" className={inputClass} defaultValue="RECEIVED">
            {REASONS.map((reason) => (
              <option key={reason.value} value={reason.value}>
                {reason.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className={labelClass}>
        <span className={nameClass}>Note (optional)</span>
        <input name="note" maxLength={500} className={inputClass} />
      </label>
      {state?.ok === false && (
        <p id={errorId} role="alert" className="text-sm text-rose-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? "Adjusting…" : "Adjust stock"}
      </button>
    </form>
  );
}
