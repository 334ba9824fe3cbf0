import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CartEmpty } from "@/components/cart/cart-empty";
import { CartView } from "@/components/cart/cart-view";
import { CartWithdrawals } from "@/components/cart/cart-withdrawals";
import { toCartView } from "@/components/cart/to-cart-view";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import { getCart } from "@/lib/cart/get-cart";
import { listReplyHashtags } from "@/lib/catalog/list-reply-hashtags";
import { getEnv } from "@/lib/env";
import { getShopperTimeZone } from "@/lib/http/shopper-time-zone";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath("/cart"));
  const [cart, hashtags, timeZone] = await Promise.all([
    getCart(user.id),
    listReplyHashtags(),
    getShopperTimeZone(),
  ]);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        {/* Focus lands here when a removed line takes its button with it. */}
        <h1 id="cart-title" tabIndex={-1} className="text-2xl font-semibold tracking-tight">
          Your cart
        </h1>
        <p className="text-sm text-slate-600">
          What your replies on X and the website added. Each store checks out on its own, in its own
          currency; nothing is bought until you confirm.
        </p>
      </div>
      <CartWithdrawals withdrawals={cart.withdrawals} />
      <CartView
        groups={toCartView(cart.groups, getEnv().x, timeZone)}
        empty={<CartEmpty hashtags={hashtags} />}
      />
    </div>
  );
}
