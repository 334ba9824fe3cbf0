/**
 * A price as a merchant types it in the store's currency ("12", "12.5", "1,299.00") in minor
 * units, or null when it is not one. The stores' currencies (USD, GBP, EUR) all have cents.
 */
export function parsePrice(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[$£€]\s*/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Minor units as the price field shows them: 1299 → "12.99". */
export const priceInput = (minor: number): string =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
