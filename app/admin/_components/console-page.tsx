import Link from "next/link";
import type { ReactNode } from "react";

export type Crumb = { href: string; label: string };

/**
 * A console page's frame: where it sits (the breadcrumb of its parents), its title, what it is
 * for, and its page-wide actions at the title's end (below it on a phone).
 */
export function ConsolePage({
  title,
  description,
  breadcrumb = [],
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  breadcrumb?: Crumb[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          {breadcrumb.length > 0 && (
            <nav aria-label="Breadcrumb">
              <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
                {breadcrumb.map((crumb) => (
                  <li key={crumb.href} className="flex items-center gap-1">
                    <Link
                      href={crumb.href}
                      className="rounded hover:text-slate-900 hover:underline"
                    >
                      {crumb.label}
                    </Link>
                    <span aria-hidden className="text-slate-400">
                      ›
                    </span>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="text-sm text-slate-600">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
