"use client";

import Link from "next/link";
import { useActionState, useId, useRef } from "react";
import { useFocusFirstProblem } from "@/components/ui/use-focus-first-problem";
import { addToCartAction, type AddToCartState } from "@/app/(shop)/cart/actions";
import { MAX_QUANTITY } from "@/lib/cart/max-quantity";
import type { VariantStock } from "@/lib/catalog/variant-stock";
import { sizeStockNote } from "./size-stock";

const field =
  "focus:border-brand-500 h-10 rounded-lg border border-slate-300 bg-white px-3 text-sm shadow-sm";

/**
 * The product page's "Add to cart": a size when the product has sizes, how many (1-10), and what
 * happened: how many went in (fewer when the line reached 10) with the way to the cart, or why not.
 */
export function AddToCartForm({
  productId,
  sizes,
  cartWord,
}: {
  productId: string;
  /** Each with its stock: a sold-out size is listed, marked and not offered. */
  sizes: VariantStock[];
  cartWord: string;
}) {
  const [state, formAction, pending] = useActionState<AddToCartState, FormData>(
    addToCartAction,
    null,
  );
  const id = useId();
  const messageId = `${id}-message`;
  const form = useRef<HTMLFormElement>(null);
  // A refusal takes focus; "added" is announced where it is (role="status").
  useFocusFirstProblem(form, state);

  return (
    <form
      ref={form}
      action={formAction}
      aria-describedby={state ? messageId : undefined}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <input type="hidden" name="productId" value={productId} />
      <div className="flex flex-wrap items-end gap-3">
        {sizes.length > 0 && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-size`} className="text-sm font-medium text-slate-800">
              Size
            </label>
            <select id={`${id}-size`} name="variant" required defaultValue="" className={field}>
              <option value="" disabled>
                Choose a size
              </option>
              {sizes.map((size) => {
                const note = sizeStockNote(size.stock);
                return (
                  <option key={size.name} value={size.name} disabled={size.stock <= 0}>
                    {note ? `${size.name} (${note})` : size.name}
                  </option>
                );
              })}
            </select>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-quantity`} className="text-sm font-medium text-slate-800">
            Quantity
          </label>
          <select id={`${id}-quantity`} name="quantity" defaultValue="1" className={field}>
            {Array.from({ length: MAX_QUANTITY }, (_, index) => (
              <option key={index + 1} value={index + 1}>
                {index + 1}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          data-testid="add-to-cart"
          className="bg-brand-600 hover:bg-brand-700 h-10 min-w-36 flex-1 rounded-lg px-4 font-medium text-white disabled:opacity-60 sm:flex-none"
        >
          {pending ? "Adding…" : `Add to ${cartWord}`}
        </button>
      </div>
      {state?.ok === false && (
        <p id={messageId} role="alert" className="text-sm text-rose-700">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <p id={messageId} role="status" className="text-sm text-emerald-800">
          Added {state.added} to your {state.cartWord}
          {state.limitedBy === "stock"
            ? ` (${state.quantity} in it now: all we have)`
            : state.limitedBy === "line"
              ? ` (it now holds ${state.quantity}, the most one line can)`
              : state.quantity > state.added && ` (${state.quantity} in it now)`}
          .{" "}
          <Link href="/cart" className="font-medium underline">
            View your {state.cartWord}
          </Link>
        </p>
      )}
    </form>
  );
}
