import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import { listOrders } from "@/lib/orders/list-orders";
import { orderNumber } from "@/lib/orders/order-number";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage() {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath("/orders"));
  const orders = await listOrders(user.id);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title="Your orders">Your latest orders, newest first.</PageHeader>
      {orders.length === 0 ? (
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
                    <LocalTime date={order.createdAt} dateOnly /> ·{" "}
                    {order.status === "CONFIRMED" ? "confirmed, pay on delivery" : "cancelled"}
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
    </div>
  );
}
