"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { ConsoleIcon, ConsoleSection } from "@/app/admin/console-nav";

type Section = Pick<ConsoleSection, "href" | "label" | "icon">;

/** `page` on the section's own page, `true` on the pages below it (Settings › Activity). */
function currentness(href: string, pathname: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/admin" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}

/**
 * The console's navigation: a column beside the page from 768 px, and on a phone a bar whose
 * Menu button discloses the same list (Tab, Enter and Escape are all it needs). The list closes
 * when a page is chosen or on Escape, and focus goes back to the button.
 */
export function ConsoleNavMenu({ sections, role }: { sections: Section[]; role: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Closes on any navigation, the browser's back and forward included.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const here = sections.find((section) => currentness(section.href, pathname));

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <nav aria-label="Console" className="md:sticky md:top-24 md:w-52 md:shrink-0">
      <div className="flex items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white py-2 pr-2 pl-4 shadow-sm md:hidden">
        <p className="min-w-0 truncate text-sm">
          <span className="font-semibold">Shop admin</span>
          {here && <span className="text-slate-500"> · {here.label}</span>}
        </p>
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
          className="flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          <MenuIcon open={open} />
          <span className="sr-only">Console </span>Menu
        </button>
      </div>
      <div id={listId} className={`${open ? "block" : "hidden"} mt-2 md:mt-0 md:block`}>
        <p className="hidden px-3 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase md:block">
          Shop admin
        </p>
        <ul className="flex flex-col gap-0.5 rounded-xl border border-slate-200 bg-white p-2 shadow-sm md:border-0 md:bg-transparent md:p-0 md:shadow-none">
          {sections.map((section) => {
            const current = currentness(section.href, pathname);
            return (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={current}
                  // Focus then goes to the new page's heading (FocusHeadingOnNavigate).
                  onClick={() => setOpen(false)}
                  className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium ${
                    current
                      ? "bg-brand-50 text-brand-700 md:bg-white md:shadow-sm md:ring-1 md:ring-slate-200"
                      : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                  }`}
                >
                  <SectionIcon icon={section.icon} />
                  {section.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="mt-3 px-3 text-xs text-slate-500" data-testid="console-role">
          Signed in as {role}
        </p>
      </div>
    </nav>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor">
      {open ? (
        <path d="M5 5l10 10M15 5L5 15" strokeWidth="1.8" strokeLinecap="round" />
      ) : (
        <path d="M3 5h14M3 10h14M3 15h14" strokeWidth="1.8" strokeLinecap="round" />
      )}
    </svg>
  );
}

const ICON_PATHS: Record<ConsoleIcon, string> = {
  home: "M3 9.5 10 4l7 5.5V16a1 1 0 0 1-1 1h-3.5v-4.5h-5V17H4a1 1 0 0 1-1-1z",
  orders: "M4 6h12l-1 10H5zM7.5 6V5a2.5 2.5 0 0 1 5 0v1",
  posts: "M4 4.5h12a1 1 0 0 1 1 1V13a1 1 0 0 1-1 1H9.5L6 17v-3H4a1 1 0 0 1-1-1V5.5a1 1 0 0 1 1-1z",
  products: "M3 10V4a1 1 0 0 1 1-1h6l7 7-7 7zM7 7h.01",
  x: "M4 4l12 12M16 4L4 16",
  settings:
    "M10 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm0-4v2m0 10v2m7-7h-2M5 10H3m11.95-4.95-1.41 1.41M6.46 13.54l-1.41 1.41m0-9.9 1.41 1.41m7.08 7.08 1.41 1.41",
};

function SectionIcon({ icon }: { icon: ConsoleIcon }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="size-5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICON_PATHS[icon]} />
    </svg>
  );
}
