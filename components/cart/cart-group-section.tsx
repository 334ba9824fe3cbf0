import Link from "next/link";
import { formatMoney } from "@/lib/money";
import type { CartChange } from "./apply-cart-change";
import { CartLineItem } from "./cart-line-item";
import type { CartGroupView } from "./to-cart-view";

/** One marketplace's lines, their subtotal in its currency and the way to its checkout. */
export function CartGroupSection({
  group,
  problem,
  onChange,
}: {
  group: CartGroupView;
  problem: { lineId: string; message: string } | null;
  onChange: (change: CartChange, title: string) => void;
}) {
  const { code, currency, cartWord } = group.marketplace;
  const headingId = `cart-group-title-${code}`;
  const items = `${group.itemCount} ${group.itemCount === 1 ? "item" : "items"}`;

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`cart-group-${code}`}
      className="flex flex-col rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-slate-100 px-4 py-3 sm:px-5">
        <h2 id={headingId} className="font-semibold">
          {code} store · {currency}
        </h2>
        <p className="text-sm text-slate-600">
          Your {cartWord}: {items}
        </p>
      </div>
      <ul className="divide-y divide-slate-100" aria-label={`Items in the ${code} store`}>
        {group.lines.map((line) => (
          <CartLineItem
            key={line.id}
            line={line}
            currency={currency}
            cartWord={cartWord}
            error={problem?.lineId === line.id ? problem.message : null}
            onChange={onChange}
          />
        ))}
      </ul>
      <div className="flex flex-col gap-3 rounded-b-2xl border-t border-slate-200 bg-slate-50 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-5">
        <div className="flex flex-col gap-1">
          <p className="text-sm text-slate-700">
            Subtotal ({items}):{" "}
            <strong className="text-base text-slate-900" data-testid="group-subtotal">
              {formatMoney(group.subtotalMinor, currency)}
            </strong>
          </p>
          {group.needsAttention && (
            <p className="text-sm text-amber-800">
              Some items here are out of stock or short: checkout will ask you to change them.
            </p>
          )}
        </div>
        <Link
          href={`/checkout?marketplace=${encodeURIComponent(code)}`}
          data-testid={`checkout-${code}`}
          className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 text-center font-medium text-white"
        >
          Check out <span className="sr-only">the {code} store</span>
        </Link>
      </div>
    </section>
  );
}
