import { MAX_QUANTITY } from "@/lib/cart/max-quantity";

export type QuantityAndSize = { quantity: number; size: string | null };

// "#addtocart 2", "x2", "×2", "qty 3", "quantity: 3"; "size M", "size: xl", "sz L".
const QUANTITY = [
  /#\p{L}+\s+(\d{1,3})\b/u,
  /(?:^|\s)[x×]\s?(\d{1,3})\b/iu,
  /\b(?:qty|quantity)\s*:?\s*(\d{1,3})\b/iu,
];
const SIZE = /\b(?:size|sz)\s*:?\s*([a-z0-9]{1,4})\b/iu;

/**
 * The quantity and size a reply asks for; 1 and no size when it names none. Full-width digits
 * and letters count (NFKC). A quantity is kept within 1-10, the most one cart line holds.
 */
export function parseQuantityAndSize(text: string): QuantityAndSize {
  const normalized = text.normalize("NFKC");
  let quantity = 1;
  for (const pattern of QUANTITY) {
    const found = pattern.exec(normalized);
    if (found) {
      quantity = Math.min(MAX_QUANTITY, Math.max(1, Number(found[1])));
      break;
    }
  }
  const size = SIZE.exec(normalized)?.[1]?.toUpperCase() ?? null;
  return { quantity, size };
}
