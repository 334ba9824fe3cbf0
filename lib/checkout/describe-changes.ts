import { formatMoney } from "@/lib/money";
import type { LineProblem } from "./get-checkout-review";

export type CheckoutChange = { lineId: string; message: string };

type Line = { title: string; quantity: number; unitPriceMinor: number; stock: number };

/**
 * What differs between one reviewed line and the cart as it is now, in the shopper's words, or
 * null when nothing does.
 */
export function describeLineChange(
  reviewed: { quantity: number; unitPriceMinor: number },
  now: Line & { problem: LineProblem | null },
  currency: string,
): string | null {
  const { title } = now;
  if (now.problem === "unavailable") return `${title} is no longer sold.`;
  if (now.problem === "out_of_stock") return `${title} has just sold out.`;
  if (now.unitPriceMinor !== reviewed.unitPriceMinor)
    return `${title} now costs ${formatMoney(now.unitPriceMinor, currency)} (it was ${formatMoney(reviewed.unitPriceMinor, currency)} when you reviewed).`;
  if (now.quantity !== reviewed.quantity)
    return `You now have ${now.quantity} of ${title} in your cart (you reviewed ${reviewed.quantity}).`;
  if (now.problem === "short")
    return `Only ${now.stock} of ${title} left: lower the quantity in your cart to order it.`;
  return null;
}

export const removedMessage = (title: string) => `${title} is no longer in your cart.`;
export const addedMessage = (title: string) =>
  `${title} was added to your cart after you reviewed (a reply, or another tab).`;
