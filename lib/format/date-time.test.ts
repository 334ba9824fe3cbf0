import { describe, expect, it } from "vitest";
import { formatDateTimeUtc, formatDateUtc } from "./date-time";

describe("formatDateTimeUtc", () => {
  it("shows the time in UTC and says so, whatever the server's zone", () => {
    const late = new Date("2026-12-07T23:30:00.000Z");
    expect(formatDateTimeUtc(late)).toBe("7 Dec 2026, 23:30 UTC");
    // In UTC+1 (Paris) this is already the 8th: the day must still be the 7th.
    expect(formatDateUtc(late)).toBe("7 Dec 2026");
  });
});
