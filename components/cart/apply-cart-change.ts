import { withShortages } from "@/lib/cart/stock-shortage";
import type { CartGroupView } from "./to-cart-view";

export type CartChange =
  { type: "quantity"; lineId: string; quantity: number } | { type: "remove"; lineId: string };

/**
 * The cart as it will be once the server has made the change: what the page shows at once while
 * the server action runs (useOptimistic). Totals and stock notices follow the new quantities.
 */
export function applyCartChange(groups: CartGroupView[], change: CartChange): CartGroupView[] {
  return groups
    .map((group) => {
      const changed = group.lines.flatMap((line) => {
        if (line.id !== change.lineId) return [line];
        if (change.type === "remove") return [];
        const quantity = change.quantity;
        return [
          {
            ...line,
            quantity,
            lineTotalMinor: line.unitPriceMinor * quantity,
          },
        ];
      });
      const lines = withShortages(changed);
      return {
        ...group,
        lines,
        itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
        subtotalMinor: lines.reduce((sum, line) => sum + line.lineTotalMinor, 0),
        needsAttention: lines.some((line) => line.outOfStock || line.shortBy > 0),
      };
    })
    .filter((group) => group.lines.length > 0);
}
