"use client";

import Link from "next/link";
import { useActionState, useRef, type ReactNode } from "react";
import { useFocusFirstProblem } from "@/components/ui/use-focus-first-problem";
import { confirmCheckoutAction, type CheckoutState } from "@/app/(shop)/checkout/actions";
import type { CheckoutReview } from "@/lib/checkout/get-checkout-review";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { AddressFields } from "./address-fields";
import { ReviewLine } from "./review-line";
import { signInPath } from "@/lib/auth/sign-in-path";

/**
 * The review and the confirmation of one marketplace's order. What was reviewed (lines,
 * quantities, prices) goes with the confirmation, so the server orders exactly that or nothing.
 */
export function CheckoutForm({
  review,
  idempotencyKey,
  empty,
}: {
  review: CheckoutReview;
  idempotencyKey: string;
  /** Shown instead of the form when the store's lines are gone. */
  empty: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<CheckoutState, FormData>(
    confirmCheckoutAction,
    null,
  );
  const problems = useRef<HTMLDivElement>(null);
  useFocusFirstProblem(problems, state);
  const { marketplace, lines } = review;
  const reviewed = JSON.stringify(
    lines.map(({ lineId, productId, quantity, unitPriceMinor }) => ({
      lineId,
      productId,
      quantity,
      unitPriceMinor,
    })),
  );
  const changes = state?.code === "changed" ? state.changes : null;
  // The saved address fills the form until a confirmation returns what was typed; its fields
  // that today's rules refuse (saved under older ones) come marked, like a refused confirmation.
  const saved = state?.values ? null : review.savedAddress;
  const fieldErrors =
    state?.code === "invalid_address" ? state.fieldErrors : (saved?.fieldErrors ?? {});
  // The changes and the address's fields say what to do themselves, next to what changed.
  const error = state && !changes && state.code !== "invalid_address" ? state : null;
  const changeOf = new Map(changes?.map((change) => [change.lineId, change.message]));
  const blocked = lines.some((line) => line.problem);
  const addressValues = state?.values ?? saved?.values ?? {};
  const savedNeedsLook = saved && Object.keys(saved.fieldErrors).length > 0;
  const changesNotice = changes && (
    <div
      role="alert"
      data-testid="checkout-changes"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-semibold">
        {changes.every((change) => change.order)
          ? "Already ordered: nothing more was ordered from this page."
          : `Nothing was ordered: your ${marketplace.cartWord} changed since you reviewed it.`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {changes.map((change) => (
          <li key={change.lineId}>
            {change.message}{" "}
            {change.order && (
              <Link href={`/orders/${change.order.id}`} className="font-medium underline">
                See order {change.order.number}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {lines.length > 0 && (
        <p className="mt-1">Below is your order as it is now. Check it and confirm again.</p>
      )}
    </div>
  );

  if (lines.length === 0)
    return (
      <div ref={problems} className="flex flex-col gap-6">
        {changesNotice}
        {empty}
      </div>
    );

  return (
    <div ref={problems}>
      <form action={formAction} className="grid items-start gap-6 md:grid-cols-[1fr_18rem]">
        <input type="hidden" name="marketplace" value={marketplace.code} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <input type="hidden" name="reviewed" value={reviewed} />
        <div className="flex flex-col gap-6">
          {changesNotice}
          {error && (
            <p
              role="alert"
              className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900"
            >
              {error.message}{" "}
              {error.code === "signed_out" && (
                <Link
                  href={signInPath(`/checkout?marketplace=${marketplace.code}`)}
                  className="font-medium underline"
                >
                  Sign in
                </Link>
              )}
            </p>
          )}
          <Card
            title="Items"
            action={
              <Link href="/cart" className="text-brand-700 text-sm font-medium hover:underline">
                Change in your {marketplace.cartWord}
              </Link>
            }
          >
            <ul className="flex flex-col gap-2">
              {lines.map((line) => (
                <ReviewLine
                  key={line.lineId}
                  line={line}
                  currency={marketplace.currency}
                  change={changeOf.get(line.lineId)}
                />
              ))}
            </ul>
          </Card>
          <fieldset className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <legend className="sr-only">Shipping address</legend>
            <h2 className="font-semibold" aria-hidden>
              Shipping address
            </h2>
            {saved &&
              (savedNeedsLook ? (
                <p
                  data-testid="saved-address-needs-a-look"
                  className="-mt-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
                >
                  The address you used last time needs a look: fix the marked fields before you
                  confirm.
                </p>
              ) : (
                <p className="-mt-2 text-sm text-slate-600">The address you used last time.</p>
              ))}
            <AddressFields
              // A new review (after a change) starts from what was typed, not from the saved address.
              key={idempotencyKey}
              marketplace={marketplace.code}
              values={addressValues}
              errors={fieldErrors}
            />
          </fieldset>
        </div>
        <aside className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 md:sticky md:top-20">
          <h2 className="font-semibold">Order summary</h2>
          <dl className="flex flex-col gap-1 text-sm">
            <div className="flex justify-between">
              <dt className="text-slate-600">
                Items ({lines.reduce((sum, line) => sum + line.quantity, 0)})
              </dt>
              <dd className="tabular-nums">
                {formatMoney(review.totalMinor, marketplace.currency)}
              </dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-600">Delivery</dt>
              <dd>Free</dd>
            </div>
            <div className="mt-1 flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
              <dt>Total</dt>
              <dd className="tabular-nums" data-testid="checkout-total">
                {formatMoney(review.totalMinor, marketplace.currency)}
              </dd>
            </div>
          </dl>
          <p className="text-sm text-slate-600">
            Pay on delivery: nothing is charged now, and nothing is ordered until you confirm.
          </p>
          {blocked && (
            <p className="text-sm text-rose-800">
              Some items can&apos;t be ordered as they are.{" "}
              <Link href="/cart" className="font-medium underline">
                Fix them in your {marketplace.cartWord}
              </Link>{" "}
              first.
            </p>
          )}
          <button
            type="submit"
            disabled={pending || blocked}
            className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2.5 font-medium text-white disabled:opacity-60"
          >
            {pending ? "Placing your order…" : "Confirm order"}
          </button>
        </aside>
      </form>
    </div>
  );
}
