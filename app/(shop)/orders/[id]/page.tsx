import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
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
            <OrderStatusBadge status={order.status} />
            {order.status !== "CANCELLED" && " · pay on delivery"}
          </p>
          {order.status === "SHIPPED" || order.status === "DELIVERED" ? (
            <p data-testid="order-shipment">
              {order.status === "SHIPPED" ? "Shipped" : "Delivered"}{" "}
              <LocalTime date={(order.deliveredAt ?? order.shippedAt)!} />
              {order.carrier && <> by {order.carrier}</>}
              {order.trackingNumber && (
                <>
                  . Tracking number:{" "}
                  <span className="font-mono break-all" data-testid="order-tracking">
                    {order.trackingNumber}
                  </span>
                </>
              )}
            </p>
          ) : order.status === "CANCELLED" ? (
            <p data-testid="order-cancelled">
              Cancelled
              {order.cancelledAt && (
                <>
                  {" "}
                  <LocalTime date={order.cancelledAt} />
                </>
              )}
              {order.cancelReason && <>: {order.cancelReason}</>}. Nothing was charged.
            </p>
          ) : null}
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
