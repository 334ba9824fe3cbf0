import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight"
        >
          <span
            aria-hidden
            className="bg-brand-600 grid size-8 place-items-center rounded-lg text-sm font-bold text-white"
          >
            #
          </span>
          replycart
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <Link
            href="/"
            className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
          >
            Shop
          </Link>
          {user?.role === "ADMIN" && (
            <Link
              href="/admin/x"
              className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              Admin
            </Link>
          )}
          {user ? (
            <Link
              href="/account"
              className="rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-800 hover:bg-slate-100"
            >
              Account
            </Link>
          ) : (
            <Link
              href="/signin"
              className="rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-800 hover:bg-slate-100"
            >
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
