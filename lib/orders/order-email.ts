import { addressLines, type ShippingAddress } from "@/lib/checkout/shipping-address";
import { formatMoney } from "@/lib/money";
import { orderNumber } from "./order-number";

export type OrderEmailOrder = {
  id: string;
  currency: string;
  totalMinor: number;
  items: { title: string; variant: string; unitPriceMinor: number; quantity: number }[];
  shippingAddress: ShippingAddress;
};

export const ORDER_LINK_LABEL = "View your order";

export const orderUrl = (appUrl: string, orderId: string) =>
  new URL(`/orders/${encodeURIComponent(orderId)}`, appUrl).toString();

/** The confirmation email of one order: plain text, the order page's link at the end. */
export function orderConfirmationEmail(order: OrderEmailOrder, appUrl: string) {
  const number = orderNumber(order.id);
  const money = (amountMinor: number) => formatMoney(amountMinor, order.currency);
  const url = orderUrl(appUrl, order.id);
  const lines = order.items.map((item) =>
    [
      `${item.quantity} × ${item.title}${item.variant ? `, size ${item.variant}` : ""}`,
      `    ${money(item.unitPriceMinor)} each: ${money(item.unitPriceMinor * item.quantity)}`,
    ].join("\n"),
  );
  const text = [
    `Thank you for your order #${number}: it is confirmed.`,
    lines.join("\n"),
    `Total: ${money(order.totalMinor)}\nPay on delivery: nothing has been charged.`,
    `Shipping to:\n${addressLines(order.shippingAddress).join("\n")}`,
    `${ORDER_LINK_LABEL}: ${url}`,
  ].join("\n\n");
  return {
    subject: `Your replycart order #${number} is confirmed`,
    text,
    link: { url, label: ORDER_LINK_LABEL },
  };
}

/** What a status change's email says: the event as the shopper's timeline has it. */
export type OrderStatusEvent =
  | { kind: "SHIPPED"; carrier: string | null; trackingNumber: string | null }
  | { kind: "DELIVERED" }
  | { kind: "CANCELLED"; reason: string };

/** The email telling the shopper their order shipped, arrived or was cancelled. */
export function orderStatusEmail(orderId: string, event: OrderStatusEvent, appUrl: string) {
  const number = orderNumber(orderId);
  const url = orderUrl(appUrl, orderId);
  const [subject, body] =
    event.kind === "SHIPPED"
      ? [
          `Your replycart order #${number} has shipped`,
          [
            `Your order #${number} is on its way.`,
            event.carrier ? `Carrier: ${event.carrier}` : null,
            event.trackingNumber ? `Tracking number: ${event.trackingNumber}` : null,
          ]
            .filter(Boolean)
            .join("\n"),
        ]
      : event.kind === "DELIVERED"
        ? [
            `Your replycart order #${number} was delivered`,
            `Your order #${number} was delivered. Thank you for shopping with us.`,
          ]
        : [
            `Your replycart order #${number} was cancelled`,
            `Your order #${number} was cancelled: ${event.reason}\nNothing was charged.`,
          ];
  return {
    subject,
    text: [body, `${ORDER_LINK_LABEL}: ${url}`].join("\n\n"),
    link: { url, label: ORDER_LINK_LABEL },
  };
}
