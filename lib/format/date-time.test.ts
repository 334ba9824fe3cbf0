import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatExactTime,
  shopperTimeZone,
  timeLabel,
  zoneAbbreviation,
} from "./date-time";

const winter = new Date("2026-12-07T14:05:09.000Z");
const summer = new Date("2026-07-07T14:05:09.000Z");

describe("formatDateTime", () => {
  it("shows the day, the time and the zone's name, in the shopper's zone", () => {
    expect(formatDateTime(winter, "UTC")).toBe("7 Dec 2026, 14:05 UTC");
    expect(formatDateTime(winter, "Europe/London")).toBe("7 Dec 2026, 14:05 GMT");
    expect(formatDateTime(summer, "Europe/London")).toBe("7 Jul 2026, 15:05 BST");
    expect(formatDateTime(winter, "Europe/Paris")).toBe("7 Dec 2026, 15:05 CET");
    expect(formatDateTime(winter, "America/New_York")).toBe("7 Dec 2026, 09:05 EST");
    expect(formatDateTime(summer, "America/Los_Angeles")).toBe("7 Jul 2026, 07:05 PDT");
  });

  it("names the offset where a zone has no common abbreviation", () => {
    expect(formatDateTime(winter, "Asia/Kolkata")).toBe("7 Dec 2026, 19:35 GMT+5:30");
    expect(formatDateTime(winter, "Asia/Tokyo")).toBe("7 Dec 2026, 23:05 GMT+9");
  });

  it("moves the day with the zone", () => {
    const late = new Date("2026-12-07T23:30:00.000Z");
    expect(formatDateTime(late, "UTC")).toBe("7 Dec 2026, 23:30 UTC");
    expect(formatDateTime(late, "Australia/Sydney")).toBe("8 Dec 2026, 10:30 GMT+11");
    expect(formatDate(late, "UTC")).toBe("7 Dec 2026");
    expect(formatDate(late, "Australia/Sydney")).toBe("8 Dec 2026");
    expect(formatDate(late, "America/New_York")).toBe("7 Dec 2026");
  });
});

describe("zoneAbbreviation", () => {
  it("follows daylight saving time", () => {
    expect(zoneAbbreviation(winter, "Europe/Paris")).toBe("CET");
    expect(zoneAbbreviation(summer, "Europe/Paris")).toBe("CEST");
    expect(zoneAbbreviation(summer, "America/New_York")).toBe("EDT");
  });
});

describe("timeLabel", () => {
  it("gives <time> its ISO value, the shown text and the exact moment for its title", () => {
    expect(timeLabel(winter, "Europe/London")).toEqual({
      iso: "2026-12-07T14:05:09.000Z",
      text: "7 Dec 2026, 14:05 GMT",
      title: "Monday, 7 December 2026 at 14:05:09 GMT (Europe/London)",
    });
    expect(timeLabel(winter, "Asia/Tokyo", { dateOnly: true }).text).toBe("7 Dec 2026");
    expect(formatExactTime(winter, "UTC")).toBe("Monday, 7 December 2026 at 14:05:09 UTC (UTC)");
  });
});

describe("shopperTimeZone", () => {
  it("keeps a real IANA zone, in its canonical spelling", () => {
    expect(shopperTimeZone("Europe/London")).toBe("Europe/London");
    expect(shopperTimeZone("America/North_Dakota/New_Salem")).toBe(
      "America/North_Dakota/New_Salem",
    );
    expect(shopperTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(shopperTimeZone("Etc/GMT+5")).toBe("Etc/GMT+5");
    expect(shopperTimeZone("UTC")).toBe("UTC");
  });

  it("falls back to UTC without a cookie or with anything that is not a zone", () => {
    for (const value of [
      undefined,
      null,
      "",
      "Mars/Olympus_Mons",
      "Europe/London; path=/",
      "+01:00",
      "<script>",
      "Europe/London".repeat(10),
    ])
      expect(shopperTimeZone(value)).toBe("UTC");
  });
});
