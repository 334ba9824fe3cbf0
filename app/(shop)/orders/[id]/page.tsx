import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { OrderLines } from "@/components/orders/order-lines";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getOrder } from "@/lib/orders/get-order";
import { orderNumber } from "@/lib/orders/order-number";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ placed?: string }>;
};

export const metadata: Metadata = { title: "Your order" };

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/orders/${id}`)}`);
  // Another shopper's order and a made-up id look the same: not found.
  const order = await getOrder(user.id, id);
  if (!order) notFound();
  const { placed } = await searchParams;
  const address = order.shippingAddress;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/orders" className="hover:underline">
            ← Your orders
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Order #{orderNumber(order.id)}</h1>
        <p className="text-sm text-slate-600">
          {order.marketplace.name} store · placed{" "}
          <time dateTime={order.createdAt.toISOString()}>
            {order.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
          </time>
        </p>
      </div>
      {placed === "1" && (
        <Notice tone="success">
          Thank you: your order is confirmed. You pay on delivery.{" "}
          {order.email
            ? `A confirmation email is on its way to ${order.email}.`
            : "Your account has no email address, so this page is your confirmation."}
        </Notice>
      )}
      <div className="grid items-start gap-6 md:grid-cols-[1fr_16rem]">
        <OrderLines order={order} />
        <section
          aria-labelledby="delivery-title"
          className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:p-5"
        >
          <h2 id="delivery-title" className="font-semibold">
            Delivery
          </h2>
          <p>
            <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">
              {order.status === "CONFIRMED" ? "Confirmed" : "Cancelled"}
            </span>{" "}
            · pay on delivery
          </p>
          <address className="text-slate-700 not-italic" data-testid="order-address">
            {[
              address.fullName,
              address.line1,
              address.line2,
              [address.city, address.region].filter(Boolean).join(", "),
              address.postalCode,
              address.country,
            ]
              .filter(Boolean)
              .map((part, index) => (
                <span key={index} className="block">
                  {part}
                </span>
              ))}
          </address>
        </section>
      </div>
    </div>
  );
}
