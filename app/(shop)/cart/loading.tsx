/** Shown while the cart loads: the page's shape, no content. */
export default function Loading() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your cart</h1>
        <p className="text-sm text-slate-600" role="status">
          Loading your cart…
        </p>
      </div>
      <div className="animate-pulse rounded-2xl border border-slate-200 bg-white" aria-hidden>
        <div className="h-12 border-b border-slate-100" />
        {[0, 1].map((key) => (
          <div key={key} className="flex gap-4 px-5 py-4">
            <div className="size-16 rounded-xl bg-slate-100 sm:size-24" />
            <div className="flex flex-1 flex-col gap-2">
              <div className="h-4 w-1/2 rounded bg-slate-100" />
              <div className="h-3 w-1/3 rounded bg-slate-100" />
              <div className="h-9 w-32 rounded bg-slate-100" />
            </div>
          </div>
        ))}
        <div className="h-16 rounded-b-2xl bg-slate-50" />
      </div>
    </div>
  );
}
