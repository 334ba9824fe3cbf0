import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { listOrders } from "@/lib/orders/list-orders";
import { orderNumber } from "@/lib/orders/order-number";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Your orders" };

const STATUS_WORDS: Record<OrderStatus, string> = {
  CONFIRMED: "confirmed, pay on delivery",
  SHIPPED: "shipped",
  DELIVERED: "delivered",
  CANCELLED: "cancelled",
};

type Props = { searchParams: Promise<{ before?: string | string[] }> };

export default async function OrdersPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath("/orders"));
  const query = await searchParams;
  const before = (Array.isArray(query.before) ? query.before[0] : query.before) || undefined;
  const page = await listOrders(user.id, { before });
  const orders = page.found ? page.orders : [];

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title="Your orders">Your orders, newest first.</PageHeader>
      {!page.found ? (
        <Notice tone="warning">
          That page of your orders does not exist (its link may be cut short).{" "}
          <Link href="/orders" className="font-medium underline">
            See your latest orders
          </Link>
        </Notice>
      ) : orders.length === 0 && before ? (
        <p className="text-sm text-slate-700">No older orders.</p>
      ) : orders.length === 0 ? (
        <section
          data-testid="orders-empty"
          className="flex flex-col gap-2 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700"
        >
          <h2 className="text-base font-semibold text-slate-900">No orders yet</h2>
          <p>
            When you confirm a checkout, the order shows up here. Things you add by replying on X
            wait in{" "}
            <Link href="/cart" className="text-brand-700 font-medium hover:underline">
              your cart
            </Link>{" "}
            until you do.
          </p>
        </section>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Your orders">
          {orders.map((order) => (
            <li key={order.id}>
              <Link
                href={`/orders/${order.id}`}
                data-testid="order-row"
                className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    Order #{orderNumber(order.id)}{" "}
                    <span className="font-normal text-slate-500">· {order.marketplace.name}</span>
                  </p>
                  <p className="truncate text-sm text-slate-600">
                    {order.itemCount} {order.itemCount === 1 ? "item" : "items"}:{" "}
                    {order.titles.join(", ")}
                  </p>
                  <p className="text-sm text-slate-500">
                    <LocalTime date={order.createdAt} dateOnly /> · {STATUS_WORDS[order.status]}
                  </p>
                </div>
                <span className="font-semibold tabular-nums">
                  {formatMoney(order.totalMinor, order.currency)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {page.found && (before || page.olderCursor) && (
        <nav aria-label="Order pages" className="flex justify-between gap-3 text-sm">
          {before ? (
            <Link href="/orders" className="text-brand-700 font-medium hover:underline">
              <span aria-hidden>←</span> Latest orders
            </Link>
          ) : (
            <span />
          )}
          {page.olderCursor && (
            <Link
              href={`/orders?before=${page.olderCursor}`}
              className="text-brand-700 font-medium hover:underline"
            >
              Older orders <span aria-hidden>→</span>
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
