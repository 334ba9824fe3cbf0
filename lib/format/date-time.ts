// Times on the shop's pages are rendered on the server, which does not know the shopper's zone:
// they are shown in UTC and say so, rather than in whatever zone the server runs in.

/** "7 Dec 2026, 21:08 UTC". */
export const formatDateTimeUtc = (date: Date) =>
  `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

/** "7 Dec 2026", the day in UTC. */
export const formatDateUtc = (date: Date) =>
  date.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
