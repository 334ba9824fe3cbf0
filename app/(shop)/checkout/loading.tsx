/** Shown while the review loads: the page's shape, no content. */
export default function Loading() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Checkout</h1>
        <p className="text-sm text-slate-600" role="status">
          Checking today&apos;s prices and stock…
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-[1fr_18rem]" aria-hidden>
        <div className="flex animate-pulse flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5">
          {[0, 1].map((key) => (
            <div key={key} className="flex gap-3">
              <div className="size-16 rounded-lg bg-slate-100" />
              <div className="flex flex-1 flex-col gap-2">
                <div className="h-4 w-1/2 rounded bg-slate-100" />
                <div className="h-3 w-1/4 rounded bg-slate-100" />
              </div>
            </div>
          ))}
          <div className="mt-3 h-40 rounded bg-slate-100" />
        </div>
        <div className="h-40 animate-pulse rounded-2xl border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
