/** Shown while the orders load. */
export default function Loading() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your orders</h1>
        <p className="text-sm text-slate-600" role="status">
          Loading your orders…
        </p>
      </div>
      <ul className="flex flex-col gap-3" aria-hidden>
        {[0, 1, 2].map((key) => (
          <li
            key={key}
            className="h-20 animate-pulse rounded-2xl border border-slate-200 bg-white"
          />
        ))}
      </ul>
    </div>
  );
}
