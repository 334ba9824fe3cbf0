// Every date the shop shows, in one format ("7 Dec 2026, 14:05 GMT"; "7 Dec 2026" where only the
// day matters), in the shopper's time zone. Pages render on the server, which learns the zone
// from the `tz` cookie the browser sets (components/time-zone-cookie.tsx); until it has, and
// for any value that is not a real zone, times are in UTC and say so.

/** The cookie holding the browser's IANA time zone ("Europe/London"). */
export const TIME_ZONE_COOKIE = "tz";

/** The zone used before the browser has told us its own. */
export const FALLBACK_TIME_ZONE = "UTC";

// IANA names are letters, digits and `_+-/`; the length cap keeps odd cookies out of Intl.
const ZONE_NAME = /^[A-Za-z0-9_+\-/]{1,64}$/;

/** The zone named by `value` in its canonical spelling, or UTC for anything else. */
export function shopperTimeZone(value: string | null | undefined): string {
  if (!value || !ZONE_NAME.test(value)) return FALLBACK_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return FALLBACK_TIME_ZONE;
  }
}

const zonePart = (date: Date, timeZone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value ?? timeZone;

/**
 * The zone's short name at that moment: British English names Europe's zones ("GMT", "BST",
 * "CET") and gives offsets elsewhere ("GMT-5"), where American English has names ("EST").
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const british = zonePart(date, timeZone, "en-GB");
  if (!british.startsWith("GMT")) return british;
  const american = zonePart(date, timeZone, "en-US");
  return /^[A-Z]{2,5}$/.test(american) ? american : british;
}

/** "7 Dec 2026". */
export const formatDate = (date: Date, timeZone: string) =>
  date.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone });

/** "7 Dec 2026, 14:05 GMT". */
export const formatDateTime = (date: Date, timeZone: string) =>
  `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone })} ${zoneAbbreviation(date, timeZone)}`;

/** "Monday, 7 December 2026 at 14:05:09 GMT (Europe/London)": the moment to the second. */
export const formatExactTime = (date: Date, timeZone: string) =>
  `${date.toLocaleString("en-GB", { dateStyle: "full", timeStyle: "medium", timeZone })} ${zoneAbbreviation(date, timeZone)} (${timeZone})`;

export type TimeLabel = {
  /** For <time dateTime>. */
  iso: string;
  /** What the page shows. */
  text: string;
  /** For the title attribute: the exact moment. */
  title: string;
};

/** What a <time> element needs, with or without the time of day. */
export const timeLabel = (
  date: Date,
  timeZone: string,
  { dateOnly = false }: { dateOnly?: boolean } = {},
): TimeLabel => ({
  iso: date.toISOString(),
  text: dateOnly ? formatDate(date, timeZone) : formatDateTime(date, timeZone),
  title: formatExactTime(date, timeZone),
});
