"use client";

import Link from "next/link";
import type { ReactNode } from "react";

/** An error.tsx body: what failed, what it means for the shopper, a retry and a way back. */
export function ErrorState({
  title,
  children,
  reset,
  back,
}: {
  title: string;
  children: ReactNode;
  reset: () => void;
  back?: { href: string; label: string };
}) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center"
    >
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-slate-600">{children}</p>
      <div className="flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
        >
          Try again
        </button>
        {back && (
          <Link
            href={back.href}
            className="rounded-lg border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
          >
            {back.label}
          </Link>
        )}
      </div>
    </div>
  );
}
