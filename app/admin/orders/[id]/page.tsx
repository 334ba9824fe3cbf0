import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { consolePage } from "@/app/admin/require-console";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { addressLines } from "@/lib/checkout/shipping-address";
import { getEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { getAdminOrder } from "@/lib/orders/get-admin-order";
import { CHANNEL_LABELS } from "@/lib/orders/list-admin-orders";
import { orderNumber } from "@/lib/orders/order-number";
import { availableActions } from "@/lib/orders/order-transitions";
import { xPostUrl } from "@/lib/x/x-post-url";
import { addOrderNoteAction, transitionOrderAction } from "../actions";
import { OrderForm } from "./order-form";
import { OrderTimeline } from "./order-timeline";

export const metadata: Metadata = { title: "Order" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string | string[] }>;
};

const NOTICES: Record<string, string> = {
  ship: "Marked as shipped. The shopper is being emailed.",
  deliver: "Marked as delivered. The shopper is being emailed.",
  cancel: "Order cancelled and its items put back in stock. The shopper is being emailed.",
  note: "Note added.",
};

const input = "rounded-lg border border-slate-300 bg-white px-3 py-2";

export default consolePage(
  "orders",
  async function AdminOrderPage({ params, searchParams }: Props) {
    const { id } = await params;
    const order = await getAdminOrder(id);
    if (!order) notFound();
    const { notice } = await searchParams;
    const noticeText = typeof notice === "string" ? NOTICES[notice] : undefined;
    const actions = availableActions(order.status);
    const money = (minor: number) => formatMoney(minor, order.currency);
    const x = getEnv().x;

    return (
      <ConsolePage
        title={`Order #${orderNumber(order.id)}`}
        breadcrumb={[{ href: "/admin/orders", label: "Orders" }]}
        description={
          <>
            {order.storeName} store · placed <LocalTime date={order.createdAt} /> · came by{" "}
            {CHANNEL_LABELS[order.channel].toLowerCase()}
          </>
        }
      >
        {noticeText && <Notice tone="success">{noticeText}</Notice>}
        <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card title="Items">
              <ul className="flex flex-col divide-y divide-slate-200">
                {order.lines.map((line) => (
                  <li
                    key={line.id}
                    className="flex flex-col gap-2 py-3 first:pt-0"
                    data-testid="admin-order-line"
                  >
                    <div className="flex flex-wrap justify-between gap-2">
                      <div className="min-w-0">
                        <p className="font-medium">{line.title}</p>
                        <p className="text-sm text-slate-600">
                          {line.variant && <>Size {line.variant} · </>}
                          {line.quantity} × {money(line.unitPriceMinor)} as ordered
                        </p>
                      </div>
                      <span className="font-semibold tabular-nums">
                        {money(line.unitPriceMinor * line.quantity)}
                      </span>
                    </div>
                    {line.replies.length === 0 ? (
                      <p className="text-sm text-slate-500">Added on the website.</p>
                    ) : (
                      <ul
                        className="flex flex-col gap-2"
                        aria-label={`Replies that added ${line.title}`}
                      >
                        {line.replies.map((reply) => (
                          <li
                            key={reply.tweetId}
                            data-testid="admin-order-reply"
                            className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm"
                          >
                            <p className="break-words text-slate-800">
                              {reply.text ?? (
                                <span className="text-slate-500 italic">
                                  {reply.deleted ? "Deleted on X by its author." : "No text kept."}
                                </span>
                              )}
                            </p>
                            <p className="mt-1 flex flex-wrap gap-x-2 text-slate-600">
                              {reply.authorUsername && <span>@{reply.authorUsername}</span>}
                              {reply.at && <LocalTime date={reply.at} />}
                              <span>· added {reply.quantity}</span>
                              {!reply.deleted && (
                                <a
                                  href={xPostUrl(x, reply.latestTweetId, reply.authorUsername)}
                                  className="text-brand-700 font-medium hover:underline"
                                  target="_blank"
                                  rel="noreferrer"
                                >
                                  View the reply on X
                                </a>
                              )}
                            </p>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              <p className="flex justify-between border-t border-slate-200 pt-3 font-semibold">
                <span>Total</span>
                <span className="tabular-nums">{money(order.totalMinor)}</span>
              </p>
            </Card>
            <Card title="Timeline">
              <OrderTimeline events={order.events} />
              <div className="mt-4 border-t border-slate-200 pt-4">
                <OrderForm
                  action={addOrderNoteAction}
                  fields={{ orderId: order.id }}
                  label="Add note"
                  pendingLabel="Adding…"
                  testId="order-note-form"
                >
                  <label className="flex flex-col gap-1">
                    <span className="font-medium text-slate-700">
                      Note for staff (the shopper never sees it)
                    </span>
                    <textarea name="text" rows={2} maxLength={1000} required className={input} />
                  </label>
                </OrderForm>
              </div>
            </Card>
          </div>

          <div className="flex min-w-0 flex-col gap-6">
            <Card title="Status">
              <div className="flex flex-col gap-3 text-sm">
                <p>
                  <OrderStatusBadge status={order.status} />
                </p>
                {(order.carrier || order.trackingNumber) && (
                  <p data-testid="admin-order-tracking">
                    {order.carrier && <>Carrier: {order.carrier}. </>}
                    {order.trackingNumber && (
                      <>
                        Tracking number:{" "}
                        <span className="font-mono break-all">{order.trackingNumber}</span>
                      </>
                    )}
                  </p>
                )}
                {order.status === "CANCELLED" && order.cancelReason && (
                  <p>Reason: {order.cancelReason}</p>
                )}
                {actions.length === 0 && (
                  <p className="text-slate-600">
                    {order.status === "DELIVERED"
                      ? "Delivered: nothing more to do."
                      : "Cancelled: nothing more to do."}
                  </p>
                )}
                {actions.includes("ship") && (
                  <OrderForm
                    action={transitionOrderAction}
                    fields={{ orderId: order.id, action: "ship" }}
                    label="Mark as shipped"
                    pendingLabel="Saving…"
                    tone="primary"
                    testId="order-ship-form"
                  >
                    <label className="flex flex-col gap-1">
                      <span className="font-medium text-slate-700">Carrier (optional)</span>
                      <input name="carrier" maxLength={60} className={input} />
                    </label>
                    <label className="flex flex-col gap-1">
                      <span className="font-medium text-slate-700">Tracking number (optional)</span>
                      <input name="trackingNumber" maxLength={64} className={input} />
                    </label>
                  </OrderForm>
                )}
                {actions.includes("deliver") && (
                  <OrderForm
                    action={transitionOrderAction}
                    fields={{ orderId: order.id, action: "deliver" }}
                    label="Mark as delivered"
                    pendingLabel="Saving…"
                    tone="primary"
                  />
                )}
                {actions.includes("cancel") && (
                  <details className="rounded-lg border border-slate-200 p-3">
                    <summary className="cursor-pointer font-medium text-rose-800">
                      Cancel the order…
                    </summary>
                    <div className="mt-3">
                      <OrderForm
                        action={transitionOrderAction}
                        fields={{ orderId: order.id, action: "cancel" }}
                        label="Cancel order and restock"
                        pendingLabel="Cancelling…"
                        tone="danger"
                        testId="order-cancel-form"
                      >
                        <label className="flex flex-col gap-1">
                          <span className="font-medium text-slate-700">
                            Reason (emailed to the shopper)
                          </span>
                          <textarea
                            name="reason"
                            rows={2}
                            maxLength={500}
                            required
                            className={input}
                          />
                        </label>
                      </OrderForm>
                    </div>
                  </details>
                )}
              </div>
            </Card>
            <Card title="Customer" className="text-sm">
              <p className="break-all" data-testid="admin-order-customer">
                {order.email ?? "No email address (signed in with X)"}
              </p>
              {order.xHandle && <p>@{order.xHandle} on X</p>}
            </Card>
            <Card title="Shipping address" className="text-sm">
              <address className="text-slate-700 not-italic">
                {addressLines(order.shippingAddress).map((part, index) => (
                  <span key={index} className="block">
                    {part}
                  </span>
                ))}
              </address>
            </Card>
            <Card title="Confirmation email" className="text-sm">
              <p data-testid="admin-order-email">
                {order.emailSentAt ? (
                  <>
                    Sent <LocalTime date={order.emailSentAt} />
                  </>
                ) : order.emailClaimedAt ? (
                  <>
                    Being sent (claimed <LocalTime date={order.emailClaimedAt} />)
                  </>
                ) : order.email ? (
                  "Waiting to be sent"
                ) : (
                  "Not sent: the shopper has no email address"
                )}
              </p>
            </Card>
          </div>
        </div>
      </ConsolePage>
    );
  },
);
