/** Shown while the replies load: the page's shape, no content. */
export default function Loading() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My replies</h1>
        <p className="text-sm text-slate-600" role="status">
          Loading your replies…
        </p>
      </div>
      <ol className="flex flex-col gap-3" aria-hidden>
        {[0, 1, 2].map((key) => (
          <li
            key={key}
            className="flex animate-pulse gap-4 rounded-2xl border border-slate-200 bg-white p-4"
          >
            <div className="size-14 rounded-lg bg-slate-100 sm:size-20" />
            <div className="flex flex-1 flex-col gap-2">
              <div className="h-4 w-1/2 rounded bg-slate-100" />
              <div className="h-3 w-1/3 rounded bg-slate-100" />
              <div className="h-8 rounded bg-slate-100" />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
