import { createHash } from "node:crypto";

export type ReviewedLine = { lineId: string; quantity: number; unitPriceMinor: number };

/**
 * A digest of what the shopper reviewed: the same idempotency key must come back with the same
 * lines, quantities and prices, or it is someone else's (or an older) confirmation.
 */
export function reviewHash(marketplace: string, lines: ReviewedLine[]): string {
  const canonical = [...lines]
    .sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0))
    .map(({ lineId, quantity, unitPriceMinor }) => [lineId, quantity, unitPriceMinor]);
  return createHash("sha256")
    .update(JSON.stringify([marketplace, canonical]))
    .digest("hex");
}
