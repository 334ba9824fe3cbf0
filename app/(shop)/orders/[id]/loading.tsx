/** Shown while the order loads. */
export default function Loading() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your order</h1>
        <p className="text-sm text-slate-600" role="status">
          Loading your order…
        </p>
      </div>
      <div
        className="h-48 animate-pulse rounded-2xl border border-slate-200 bg-white"
        aria-hidden
      />
    </div>
  );
}
