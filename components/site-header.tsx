import Link from "next/link";
import { AccountMenu } from "@/components/account-menu";
import { getXLink } from "@/lib/accounts/get-x-link";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { countCartItems } from "@/lib/cart/count-cart-items";

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
          {/* An admin's phone header also carries "Admin": the mark alone names the shop there. */}
          <span className={user && user.role !== "SHOPPER" ? "sr-only sm:not-sr-only" : undefined}>
            replycart
          </span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          {/* The logo leads to the shop too; on a phone the header has room for one less link. */}
          <Link href="/" className={`${navLink} hidden sm:block`}>
            Shop
          </Link>
          {(user?.role === "OWNER" || user?.role === "STAFF") && (
            <Link href="/admin" className={navLink}>
              Admin
            </Link>
          )}
          {user && <CartLink count={await countCartItems(user.id)} />}
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

function CartLink({ count }: { count: number }) {
  const items = `${count} ${count === 1 ? "item" : "items"}`;
  return (
    <Link
      href="/cart"
      aria-label={`Cart, ${items}`}
      data-testid="header-cart"
      className={`${navLink} flex items-center gap-1.5 px-2 sm:px-3`}
    >
      {/* On a phone the icon stands for the word, so the header keeps room for the menu. */}
      <svg aria-hidden viewBox="0 0 24 24" className="size-5 sm:hidden" fill="none">
        <path
          d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2M9 20h.01M17 20h.01"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="hidden sm:inline">Cart</span>
      <span
        data-testid="cart-count"
        className={`min-w-5 rounded-full px-1.5 text-center text-xs leading-5 font-semibold ${count ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700"}`}
      >
        {count > 99 ? "99+" : count}
      </span>
    </Link>
  );
}
