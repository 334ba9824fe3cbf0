"use client";

/** The orders (and an order) failed to load: they are safe, only the page is not. */
export default function OrdersError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center"
    >
      <h1 className="text-2xl font-semibold tracking-tight">Your orders didn&apos;t load</h1>
      <p className="text-slate-600">
        Your orders are safe; we just couldn&apos;t show them right now. Please try again in a
        moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}
