import Link from "next/link";
import { ProductImage } from "@/components/product/product-image";
import { productPath } from "@/lib/catalog/product-id";
import { formatMoney } from "@/lib/money";
import { MAX_QUANTITY } from "@/lib/cart/max-quantity";
import type { CartChange } from "./apply-cart-change";
import { LineNotices } from "./line-notices";
import { LineProvenance } from "./line-provenance";
import type { CartLineView } from "./to-cart-view";

const stepButton =
  "grid size-9 place-items-center text-lg font-medium text-slate-700 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:text-slate-300 aria-disabled:hover:bg-transparent";

/** One cart line: the product, its notices, where it came from, the stepper and Remove. */
export function CartLineItem({
  line,
  currency,
  cartWord,
  error,
  onChange,
}: {
  line: CartLineView;
  currency: string;
  cartWord: string;
  error: string | null;
  onChange: (change: CartChange, title: string) => void;
}) {
  const { id, title, quantity } = line;
  const errorId = `line-error-${id}`;
  // aria-disabled rather than disabled: the button keeps focus when the quantity reaches a bound.
  const step = (to: number) => () => {
    if (to >= 1 && to <= MAX_QUANTITY)
      onChange({ type: "quantity", lineId: id, quantity: to }, title);
  };

  return (
    <li
      data-testid="cart-line"
      data-product-id={line.productId}
      className="flex gap-3 px-4 py-4 sm:gap-4 sm:px-5"
    >
      <div className="w-16 shrink-0 sm:w-24">
        <ProductImage src={line.imageUrl} title={title} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <div className="min-w-0">
            <h3 className="font-medium break-words">
              {line.active ? (
                <Link href={productPath(line.productId)} className="hover:underline">
                  {title}
                </Link>
              ) : (
                title
              )}
            </h3>
            <p className="text-sm text-slate-600">
              {line.variant && <>Size {line.variant} · </>}
              {formatMoney(line.unitPriceMinor, currency)} each
              {line.digital && " · Digital delivery"}
            </p>
          </div>
          <p className="text-sm font-semibold sm:text-base">
            <span className="sr-only">Line total: </span>
            {formatMoney(line.lineTotalMinor, currency)}
          </p>
        </div>
        <LineNotices line={line} currency={currency} />
        <LineProvenance provenance={line.provenance} />
        <div className="flex flex-wrap items-center gap-3">
          <div
            role="group"
            aria-label={`Quantity of ${title}`}
            className="flex items-center rounded-lg border border-slate-300"
          >
            <button
              type="button"
              onClick={step(quantity - 1)}
              aria-disabled={quantity <= 1}
              aria-label={`Decrease quantity of ${title}`}
              aria-describedby={error ? errorId : undefined}
              className={`${stepButton} rounded-l-lg`}
            >
              <span aria-hidden>−</span>
            </button>
            <output
              data-testid="line-quantity"
              aria-live="polite"
              className="min-w-8 text-center text-sm font-semibold tabular-nums"
            >
              {quantity}
            </output>
            <button
              type="button"
              onClick={step(quantity + 1)}
              aria-disabled={quantity >= MAX_QUANTITY}
              aria-label={`Increase quantity of ${title}`}
              aria-describedby={error ? errorId : undefined}
              className={`${stepButton} rounded-r-lg`}
            >
              <span aria-hidden>+</span>
            </button>
          </div>
          <button
            type="button"
            onClick={() => onChange({ type: "remove", lineId: id }, title)}
            aria-label={`Remove ${title} from your ${cartWord}`}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-600 hover:bg-rose-50 hover:text-rose-700"
          >
            Remove
          </button>
        </div>
        {error && (
          <p id={errorId} role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}
