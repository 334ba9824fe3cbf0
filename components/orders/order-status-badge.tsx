import { ORDER_STATUS_LABELS } from "@/lib/orders/order-transitions";

type OrderStatus = keyof typeof ORDER_STATUS_LABELS;

const TONES: Record<OrderStatus, string> = {
  CONFIRMED: "bg-sky-50 text-sky-800",
  SHIPPED: "bg-violet-50 text-violet-800",
  DELIVERED: "bg-emerald-50 text-emerald-800",
  CANCELLED: "bg-slate-100 text-slate-700",
};

/** An order's status as a small label, the same on the shopper's pages and in the console. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span
      data-testid="order-status"
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}
    >
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}
