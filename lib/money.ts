const LOCALES: Record<string, string> = { USD: "en-US", GBP: "en-GB", EUR: "en-IE" };

/** Formats an amount in minor units (cents, pence) in its currency's usual way. */
export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat(LOCALES[currency] ?? "en-US", {
    style: "currency",
    currency,
  }).format(amountMinor / 100);
}
