import type { CartItem, Product, ProductVariant } from "@/lib/generated/prisma/client";
import { formatMoney } from "@/lib/money";
import { lineProblem, type LineProblem } from "@/lib/cart/stock-shortage";

/** One difference from the review; `order` when the line left because the shopper ordered it. */
export type CheckoutChange = {
  lineId: string;
  message: string;
  order?: { id: string; number: string };
};

/**
 * A cart line as the confirming transaction reads it, with its product and its size's stock,
 * under row locks; `variantId` null (and no stock) when the size no longer exists.
 */
export type CurrentLine = Pick<CartItem, "id" | "productId" | "variant" | "quantity"> &
  Pick<Product, "title" | "priceMinor" | "active"> &
  Pick<ProductVariant, "stock"> & { variantId: ProductVariant["id"] | null };

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

/** A line's product as the shopper knows it: with its size, when it has one. */
export const lineTitle = (title: string, variant: string) =>
  variant ? `${title} (size ${variant})` : title;

export const removedMessage = (title: string) => `${title} is no longer in your cart.`;
export const orderedMessage = (title: string, number: string) =>
  `${title} is no longer in your cart: you ordered it in order ${number}, from another tab or window.`;
export const addedMessage = (title: string) =>
  `${title} was added to your cart after you reviewed (a reply, or another tab).`;

/** What differs between the review and the locked lines, but for reviewed lines now gone. */
export function findChanges(
  reviewed: { lineId: string; quantity: number; unitPriceMinor: number }[],
  lines: CurrentLine[],
  currency: string,
): CheckoutChange[] {
  const changes: CheckoutChange[] = [];
  for (const line of reviewed) {
    const now = lines.find((candidate) => candidate.id === line.lineId);
    if (!now) continue;
    const message = describeLineChange(
      line,
      {
        title: lineTitle(now.title, now.variant),
        quantity: now.quantity,
        unitPriceMinor: now.priceMinor,
        stock: now.stock,
        problem: lineProblem(now, now.quantity),
      },
      currency,
    );
    if (message) changes.push({ lineId: line.lineId, message });
  }
  for (const line of lines)
    if (!reviewed.some((candidate) => candidate.lineId === line.id))
      changes.push({ lineId: line.id, message: addedMessage(lineTitle(line.title, line.variant)) });
  return changes;
}
