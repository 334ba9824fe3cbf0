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
