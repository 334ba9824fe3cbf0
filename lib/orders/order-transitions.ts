import type { OrderStatus } from "@/lib/generated/prisma/enums";

// The order's life, as a table: what each console action does to which status. Pure, so the
// page (which buttons to show) and transitionOrder (what to refuse) read the same rules.

export type OrderAction = "ship" | "deliver" | "cancel";

export const TRANSITIONS: Record<OrderAction, { from: OrderStatus; to: OrderStatus }> = {
  ship: { from: "CONFIRMED", to: "SHIPPED" },
  deliver: { from: "SHIPPED", to: "DELIVERED" },
  // A parcel on its way cannot be called back, so only a confirmed order is cancelled.
  cancel: { from: "CONFIRMED", to: "CANCELLED" },
};

const REFUSALS: Record<OrderAction, Partial<Record<OrderStatus, string>>> = {
  ship: {
    SHIPPED: "This order has already shipped.",
    DELIVERED: "This order has already been delivered.",
    CANCELLED: "A cancelled order cannot be shipped.",
  },
  deliver: {
    CONFIRMED: "Ship this order before marking it delivered.",
    DELIVERED: "This order has already been delivered.",
    CANCELLED: "A cancelled order cannot be delivered.",
  },
  cancel: {
    SHIPPED: "This order has shipped: it can no longer be cancelled.",
    DELIVERED: "A delivered order cannot be cancelled.",
    CANCELLED: "This order is already cancelled.",
  },
};

/** Why `action` cannot be done to an order in `status`, or null when it can. */
export function transitionRefusal(action: OrderAction, status: OrderStatus): string | null {
  if (TRANSITIONS[action].from === status) return null;
  return REFUSALS[action][status] ?? "That cannot be done to this order now.";
}

/** The actions an order in `status` offers, in the order the page shows them. */
export const availableActions = (status: OrderStatus): OrderAction[] =>
  (Object.keys(TRANSITIONS) as OrderAction[]).filter(
    (action) => TRANSITIONS[action].from === status,
  );

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  CONFIRMED: "Confirmed",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};
