import type { ReactNode } from "react";

/** A loading.tsx body: the page's title, what is loading, and a placeholder of its shape. */
export function PageLoading({
  title,
  status,
  children,
}: {
  title: string;
  status: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-slate-600" role="status">
          {status}
        </p>
      </div>
      <div aria-hidden>{children}</div>
    </div>
  );
}

/** A grey pulsing block standing in for content. */
export function Placeholder({ className }: { className: string }) {
  return (
    <div className={`animate-pulse rounded-2xl border border-slate-200 bg-white ${className}`} />
  );
}
