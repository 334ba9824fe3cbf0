"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState } from "react";

const MENU_LINKS = [
  { href: "/account", label: "My account" },
  { href: "/account/replies", label: "My replies" },
  { href: "/orders", label: "My orders" },
];

const itemClass = "block w-full rounded-md px-3 py-2 text-left text-sm";

/**
 * The signed-in user's corner of the header: a link to their account and, beside it, a menu
 * with who they are and signing out. The menu is a disclosure (a button that shows a list), so
 * Tab, Enter and Escape are all it needs.
 */
export function AccountMenu({ account }: { account: string }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent | FocusEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("focusin", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("focusin", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div ref={root} className="relative flex">
      <Link
        href="/account"
        className="hidden rounded-l-md border border-slate-300 px-3 py-2 font-medium text-slate-800 hover:bg-slate-100 sm:block"
      >
        Account
      </Link>
      <button
        ref={button}
        type="button"
        aria-label="Account menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-0.5 rounded-md border border-slate-300 px-1.5 py-2 text-slate-700 hover:bg-slate-100 sm:-ml-px sm:w-9 sm:justify-center sm:rounded-l-none sm:px-0 sm:py-0"
      >
        {/* On a phone the menu stands alone (its first item is the account page): a person. */}
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 sm:hidden" fill="none">
          <path
            d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
        <span aria-hidden className={`text-xs ${open ? "rotate-180" : ""}`}>
          ▾
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute top-full right-0 z-20 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
      >
        <div className="px-3 pt-1 pb-2">
          <p className="text-xs text-slate-500">Signed in</p>
          <p className="truncate text-sm font-medium text-slate-800" data-testid="menu-account">
            {account}
          </p>
        </div>
        <ul className="flex flex-col gap-0.5 border-t border-slate-100 pt-1">
          {MENU_LINKS.map(({ href, label }) => (
            <li key={href}>
              <Link
                href={href}
                onClick={() => setOpen(false)}
                className={`${itemClass} text-slate-800 hover:bg-slate-100`}
              >
                {label}
              </Link>
            </li>
          ))}
          <li>
            <button
              type="button"
              disabled={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut({ callbackUrl: "/" });
              }}
              className={`${itemClass} text-slate-800 hover:bg-slate-100 disabled:opacity-60`}
            >
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
