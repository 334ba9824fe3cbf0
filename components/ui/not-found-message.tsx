import Link from "next/link";
import type { ReactNode } from "react";

/** The body of a 404 page: what was missing, why it may be, and the way back to the shop. */
export function NotFoundMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <p className="text-brand-600 text-sm font-semibold">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-slate-600">{children}</p>
      <Link
        href="/"
        className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
      >
        Back to the shop
      </Link>
    </div>
  );
}
