"use client";

import Link from "next/link";

/** Nothing was ordered if the page itself failed: say so, and offer a way back. */
export default function CheckoutError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center"
    >
      <h1 className="text-2xl font-semibold tracking-tight">Checkout is unavailable</h1>
      <p className="text-slate-600">
        We couldn&apos;t load your checkout just now. Nothing was ordered and your cart is as you
        left it.
      </p>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
        >
          Try again
        </button>
        <Link
          href="/cart"
          className="rounded-lg border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
        >
          Back to the cart
        </Link>
      </div>
    </div>
  );
}
