"use client";

import Link from "next/link";

/** The cart could not be read (the database is down, say): nothing in it is lost. */
export default function CartError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center"
    >
      <h1 className="text-2xl font-semibold tracking-tight">We couldn&apos;t load your cart</h1>
      <p className="text-slate-600">
        Everything in it is still there. Please try again in a moment.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
        >
          Try again
        </button>
        <Link
          href="/"
          className="rounded-lg border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
        >
          Back to the shop
        </Link>
      </div>
    </div>
  );
}
