"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/result";

export type ProductFormValues = {
  productId?: string;
  title: string;
  description: string;
  price: string;
  sku: string;
  active: boolean;
  lowStockThreshold: number;
  variants: { id: string; name: string }[];
};

const inputClass =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900";
const labelClass = "flex flex-col gap-1 text-sm";
const nameClass = "font-medium text-slate-800";
const hintClass = "text-xs text-slate-600";

/**
 * The product's details and sizes; its stock is not here (it changes only by an adjustment).
 * Creating picks the store; editing renames or adds sizes.
 */
export function ProductForm({
  action,
  values,
  stores,
  currency,
  submitLabel,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: ProductFormValues;
  /** For a new product: the stores to choose from, the chosen one first. */
  stores?: { id: string; name: string; currency: string }[];
  currency: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errorId = useId();
  const named = values.variants.filter((variant) => variant.name !== "");
  const unnamed = values.variants.find((variant) => variant.name === "");

  return (
    <form
      action={formAction}
      aria-describedby={state?.ok === false ? errorId : undefined}
      className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="product-form"
    >
      {values.productId && <input type="hidden" name="productId" value={values.productId} />}
      {stores && (
        <label className={labelClass}>
          <span className={nameClass}>Store</span>
          <select name="marketplaceId" defaultValue={stores[0]?.id} className={inputClass}>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name} ({store.currency})
              </option>
            ))}
          </select>
        </label>
      )}
      <label className={labelClass}>
        <span className={nameClass}>Title</span>
        <input
          name="title"
          required
          maxLength={120}
          defaultValue={values.title}
          className={inputClass}
        />
      </label>
      <label className={labelClass}>
        <span className={nameClass}>Description</span>
        <textarea
          name="description"
          rows={4}
          maxLength={4000}
          defaultValue={values.description}
          className={inputClass}
        />
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <label className={labelClass}>
          <span className={nameClass}>Price ({currency})</span>
          <input
            name="price"
            required
            inputMode="decimal"
            defaultValue={values.price}
            placeholder="12.50"
            className={inputClass}
          />
        </label>
        <label className={labelClass}>
          <span className={nameClass}>SKU (optional)</span>
          <input name="sku" maxLength={64} defaultValue={values.sku} className={inputClass} />
        </label>
        <label className={labelClass}>
          <span className={nameClass}>Low stock at</span>
          <input
            name="lowStockThreshold"
            type="number"
            min={0}
            max={100000}
            required
            defaultValue={values.lowStockThreshold}
            className={inputClass}
          />
        </label>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={values.active} className="size-4" />
        <span className={nameClass}>On sale (shoppers can see it and reply to buy it)</span>
      </label>
      <fieldset className="flex flex-col gap-3">
        <legend className={`${nameClass} mb-1 text-sm`}>Sizes</legend>
        {named.length > 0 && (
          <ul className="flex flex-col gap-2">
            {named.map((variant, index) => (
              <li key={variant.id}>
                <input type="hidden" name="variantId" value={variant.id} />
                <label className={labelClass}>
                  <span className="sr-only">Size {index + 1}</span>
                  <input
                    name="variantName"
                    defaultValue={variant.name}
                    maxLength={20}
                    className={`${inputClass} sm:max-w-xs`}
                  />
                </label>
              </li>
            ))}
          </ul>
        )}
        {unnamed && named.length === 0 && (
          <>
            <input type="hidden" name="variantId" value={unnamed.id} />
            <input type="hidden" name="variantName" value="" />
          </>
        )}
        <label className={labelClass}>
          <span className={nameClass}>{values.productId ? "Add sizes" : "Sizes"}</span>
          <input
            name="newSizes"
            placeholder="S, M, L"
            className={`${inputClass} sm:max-w-md`}
            data-testid="new-sizes"
          />
          <span className={hintClass}>
            Separated by commas; leave empty for a product without sizes. A size keeps its name once
            a cart or an order has it. New sizes start at 0 in stock.
          </span>
        </label>
      </fieldset>
      {state?.ok === false && (
        <p id={errorId} role="alert" className="text-sm text-rose-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="bg-brand-600 hover:bg-brand-700 self-start rounded-lg px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
