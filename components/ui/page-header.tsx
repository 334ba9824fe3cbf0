import Link from "next/link";
import type { ReactNode } from "react";

/** A page's title, the way back above it and a line about it below. */
export function PageHeader({
  back,
  title,
  children,
}: {
  back?: { href: string; label: string };
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div>
      {back && (
        <p className="text-sm text-slate-600">
          <Link href={back.href} className="hover:underline">
            ← {back.label}
          </Link>
        </p>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children && <p className="text-sm text-slate-600">{children}</p>}
    </div>
  );
}
