const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "in 2 hours", "5 minutes ago", "just now": coarse on purpose, for token health. */
export function relativeTime(when: Date, now: Date = new Date()): string {
  const seconds = Math.round((when.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return seconds >= 0 ? "in under a minute" : "just now";
}

/** How a token's expiry reads on the admin page. */
export function describeExpiry(expiresAt: Date | null, now: Date = new Date()): string {
  if (!expiresAt) return "no expiry given by X";
  if (expiresAt > now) return `expires ${relativeTime(expiresAt, now)}`;
  return `expired ${relativeTime(expiresAt, now)}; refreshed automatically on next use`;
}
