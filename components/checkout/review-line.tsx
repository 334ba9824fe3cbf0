import { Badge } from "@/components/ui/badge";
import { ProductLine } from "@/components/ui/product-line";
import type { ReviewLine as Line } from "@/lib/checkout/get-checkout-review";
import { formatMoney } from "@/lib/money";

const PROBLEMS = {
  unavailable: "No longer sold",
  out_of_stock: "Out of stock",
  short: "Not enough in stock",
} as const;

/** One line of the order under review; `change` says what moved since the last review. */
export function ReviewLine({
  line,
  currency,
  change,
}: {
  line: Line;
  currency: string;
  change?: string;
}) {
  return (
    <li
      data-testid="review-line"
      data-changed={change ? "true" : undefined}
      className={`flex gap-3 rounded-xl p-2 ${change ? "bg-amber-50 ring-2 ring-amber-300" : ""}`}
    >
      <ProductLine
        productId={line.productId}
        title={line.title}
        imageUrl={line.imageUrl}
        amount={formatMoney(line.unitPriceMinor * line.quantity, currency)}
      >
        <p className="text-slate-600">
          {line.variant && <>Size {line.variant} · </>}
          {line.quantity} × {formatMoney(line.unitPriceMinor, currency)}
        </p>
        {line.problem && (
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone="danger">{PROBLEMS[line.problem]}</Badge>
            {line.problem === "short" && (
              <span className="text-slate-700">
                Only {line.stock} left{line.variant && ` in size ${line.variant}`}.
              </span>
            )}
          </p>
        )}
        {change && <p className="font-medium text-amber-900">{change}</p>}
      </ProductLine>
    </li>
  );
}
