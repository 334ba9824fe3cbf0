import { formatMoney } from "@/lib/money";
import type { CartLineView } from "./to-cart-view";

/** What the shopper should know about a line before checkout: price and stock changes. */
export function LineNotices({ line, currency }: { line: CartLineView; currency: string }) {
  const notices: { key: string; text: string; tone: "warning" | "info" }[] = [];
  if (!line.active)
    notices.push({
      key: "retired",
      text: "No longer sold: remove it to check out.",
      tone: "warning",
    });
  else if (line.outOfStock)
    notices.push({
      key: "stock",
      text: line.variant
        ? `Size ${line.variant} is sold out right now: remove it or choose another size to check out.`
        : "Out of stock right now.",
      tone: "warning",
    });
  else if (line.shortBy > 0)
    notices.push({
      key: "stock",
      text: `Only ${line.stock} left${line.variant ? ` in size ${line.variant}` : ""}: lower the quantity to ${line.stock} to check out.`,
      tone: "warning",
    });
  if (line.priceChangedFrom !== null)
    notices.push({
      key: "price",
      text: `Price changed from ${formatMoney(line.priceChangedFrom, currency)} to ${formatMoney(line.unitPriceMinor, currency)} since you added it.`,
      tone: "info",
    });
  if (notices.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {notices.map((notice) => (
        <li
          key={notice.key}
          data-testid={`line-notice-${notice.key}`}
          className={`rounded-md px-2 py-1 ${notice.tone === "warning" ? "bg-amber-50 text-amber-900" : "bg-slate-100 text-slate-700"}`}
        >
          {notice.text}
        </li>
      ))}
    </ul>
  );
}
