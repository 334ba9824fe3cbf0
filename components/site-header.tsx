import Link from "next/link";
import { AccountMenu } from "@/components/account-menu";
import { getXLink } from "@/lib/accounts/get-x-link";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";

const navLink = "rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900";

/** How the menu names the account: the email, or for X sign-ins the X handle. */
async function describeAccount(user: CurrentUser): Promise<string> {
  if (user.email) return user.email;
  const link = await getXLink(user.id);
  if (link) return `@${link.username ?? link.providerAccountId}`;
  return user.name ?? "your account";
}

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 rounded-md text-lg font-semibold tracking-tight"
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
          {/* The logo leads to the shop too; on a phone the header has room for one less link. */}
          <Link href="/" className={`${navLink} hidden sm:block`}>
            Shop
          </Link>
          {user?.role === "ADMIN" && (
            <Link href="/admin/x" className={navLink}>
              Admin
            </Link>
          )}
          {user ? (
            <AccountMenu account={await describeAccount(user)} />
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
