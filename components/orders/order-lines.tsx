import Link from "next/link";
import { ProductImage } from "@/components/product/product-image";
import { productPath } from "@/lib/catalog/product-id";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/orders/get-order";

/** An order's lines at the prices they were ordered at, and its total. */
export function OrderLines({ order }: { order: OrderDetail }) {
  const { currency } = order;
  return (
    <section
      aria-labelledby="order-items-title"
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="order-items-title" className="font-semibold">
        Items
      </h2>
      <ul className="flex flex-col gap-3">
        {order.items.map((item) => (
          <li key={item.id} className="flex gap-3" data-testid="order-line">
            <div className="w-16 shrink-0">
              <ProductImage src={item.imageUrl} title={item.title} />
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-0.5 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link href={productPath(item.productId)} className="font-medium hover:underline">
                  {item.title}
                </Link>
                <span className="font-medium tabular-nums">
                  {formatMoney(item.unitPriceMinor * item.quantity, currency)}
                </span>
              </div>
              <p className="text-slate-600">
                {item.variant && <>Size {item.variant} · </>}
                {item.quantity} × {formatMoney(item.unitPriceMinor, currency)}
              </p>
              {item.fromReplies > 0 && (
                <p className="text-slate-500">
                  {item.fromReplies === item.quantity
                    ? "Added from your replies on X"
                    : `${item.fromReplies} added from your replies on X`}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-slate-200 pt-3 font-semibold">
        <span>Total</span>
        <span className="tabular-nums" data-testid="order-total">
          {formatMoney(order.totalMinor, currency)}
        </span>
      </p>
    </section>
  );
}
