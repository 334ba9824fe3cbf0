import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { OrderLines } from "@/components/orders/order-lines";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import { addressLines } from "@/lib/checkout/shipping-address";
import { orderNumber } from "@/lib/orders/order-number";
import { findOrder } from "./find-order";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ placed?: string }>;
};

export const metadata: Metadata = { title: "Your order" };

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(`/orders/${id}`));
  const order = await findOrder(user.id, id);
  if (!order) notFound();
  const { placed } = await searchParams;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        back={{ href: "/orders", label: "Your orders" }}
        title={`Order #${orderNumber(order.id)}`}
      >
        {order.marketplace.name} store · placed <LocalTime date={order.createdAt} />
      </PageHeader>
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
        <Card title="Delivery" className="text-sm">
          <p>
            <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">
              {order.status === "CONFIRMED" ? "Confirmed" : "Cancelled"}
            </span>{" "}
            · pay on delivery
          </p>
          <address className="text-slate-700 not-italic" data-testid="order-address">
            {addressLines(order.shippingAddress).map((part, index) => (
              <span key={index} className="block">
                {part}
              </span>
            ))}
          </address>
        </Card>
      </div>
    </div>
  );
}
