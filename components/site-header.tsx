import Link from "next/link";
import { AccountMenu } from "@/components/account-menu";
import { LiveCartUpdates } from "@/components/cart/live-cart-updates";
import { getXLink } from "@/lib/accounts/get-x-link";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { countCartItems } from "@/lib/cart/count-cart-items";
import { isConsoleUser } from "@/lib/accounts/roles";

// Tighter on a phone: the wordmark, Shop, Admin, the cart and the menu share 375 px.
const navItem = "rounded-md py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900";
const navLink = `${navItem} px-2 sm:px-3`;

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
    <>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-3 sm:gap-4 sm:px-6">
          <Link
            href="/"
            className="flex shrink-0 items-center gap-1.5 rounded-md text-base font-semibold tracking-tight sm:gap-2 sm:text-lg"
          >
            <span
              aria-hidden
              className="bg-brand-600 grid size-7 place-items-center rounded-lg text-sm font-bold text-white sm:size-8"
            >
              #
            </span>
            replycart
          </Link>
          <nav aria-label="Main" className="flex items-center gap-0.5 text-sm sm:gap-1">
            <Link href="/" className={navLink}>
              Shop
            </Link>
            {user && isConsoleUser(user.role) && (
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
      {/* Outside the header: its backdrop blur would make it the toast's containing block. */}
      {user && <LiveCartUpdates />}
    </>
  );
}

function CartLink({ count }: { count: number }) {
  // No aria-label: the name is the visible text plus hidden words ("Cart 3 items"), so voice
  // control users can say what they see (WCAG 2.5.3).
  return (
    <Link
      href="/cart"
      data-testid="header-cart"
      className={`${navItem} flex items-center gap-1 px-1.5 sm:gap-1.5 sm:px-3`}
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
      <span className="sr-only sm:not-sr-only">Cart</span>
      <span
        data-testid="cart-count"
        className={`min-w-5 rounded-full px-1.5 text-center text-xs leading-5 font-semibold ${count ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700"}`}
      >
        {count > 99 ? "99+" : count}
      </span>
      <span className="sr-only">{count === 1 ? " item" : " items"}</span>
    </Link>
  );
}
