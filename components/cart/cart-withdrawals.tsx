import Link from "next/link";
import { productPath } from "@/lib/catalog/product-id";
import type { CartWithdrawal } from "@/lib/cart/get-cart";
import { LocalTime } from "@/components/ui/local-time";

/** Replies the shopper deleted on X lately, whose items left the cart with them. */
export function CartWithdrawals({ withdrawals }: { withdrawals: CartWithdrawal[] }) {
  if (withdrawals.length === 0) return null;
  return (
    <section
      aria-labelledby="withdrawals-title"
      data-testid="cart-withdrawals"
      className="rounded-2xl border border-slate-200 bg-slate-100 p-4 text-sm text-slate-700"
    >
      <h2 id="withdrawals-title" className="font-medium text-slate-900">
        Taken out of your cart because you deleted the reply on X
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {withdrawals.map((withdrawal) => {
          const quantity =
            withdrawal.quantity && withdrawal.quantity > 1 ? `${withdrawal.quantity} × ` : "";
          return (
            <li key={withdrawal.tweetId}>
              {quantity}
              {withdrawal.productId ? (
                <Link
                  href={productPath(withdrawal.productId)}
                  className="font-medium hover:underline"
                >
                  {withdrawal.productTitle}
                </Link>
              ) : (
                "A product no longer in the shop"
              )}{" "}
              · deleted <LocalTime date={withdrawal.withdrawnAt} />
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-600">
        Changed your mind? Reply again on X, or add it here on the website.
      </p>
    </section>
  );
}
