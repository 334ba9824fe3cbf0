import { Card } from "@/components/ui/card";
import { ProductLine } from "@/components/ui/product-line";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/orders/get-order";

/** An order's lines at the prices they were ordered at, and its total. */
export function OrderLines({ order }: { order: OrderDetail }) {
  const { currency } = order;
  return (
    <Card title="Items">
      <ul className="flex flex-col gap-3">
        {order.items.map((item) => (
          <li key={item.id} className="flex gap-3" data-testid="order-line">
            <ProductLine
              productId={item.productId}
              title={item.title}
              imageUrl={item.imageUrl}
              amount={formatMoney(item.unitPriceMinor * item.quantity, currency)}
            >
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
            </ProductLine>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-slate-200 pt-3 font-semibold">
        <span>Total</span>
        <span className="tabular-nums" data-testid="order-total">
          {formatMoney(order.totalMinor, currency)}
        </span>
      </p>
    </Card>
  );
}
