const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** "1 h 59 min", "2 h": hours with the minutes left over, never rounded up. */
function hoursAndMinutes(seconds: number): string {
  const hours = Math.floor(seconds / HOUR);
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/**
 * "in 1 h 59 min", "5 minutes ago", "yesterday", "just now": for token health, so it never
 * rounds a token's remaining life up (a 2-hour token issued a minute ago has 1 h 59 min left).
 */
export function relativeTime(when: Date, now: Date = new Date()): string {
  const seconds = Math.round((when.getTime() - now.getTime()) / 1000);
  const size = Math.abs(seconds);
  // Math.round gives -0 for a moment ago, and -0 >= 0: "now" is not the future.
  const future = seconds > 0;
  if (size >= DAY) {
    const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    return format.format(Math.trunc(seconds / DAY), "day");
  }
  if (size < MINUTE) return future ? "in under a minute" : "just now";
  const span = size < HOUR ? plural(Math.floor(size / MINUTE), "minute") : hoursAndMinutes(size);
  return future ? `in ${span}` : `${span} ago`;
}

/** How a token's expiry reads on the admin page. */
export function describeExpiry(expiresAt: Date | null, now: Date = new Date()): string {
  if (!expiresAt) return "no expiry given by X";
  if (expiresAt > now) return `expires ${relativeTime(expiresAt, now)}`;
  return `expired ${relativeTime(expiresAt, now)}; refreshed automatically on next use`;
}
