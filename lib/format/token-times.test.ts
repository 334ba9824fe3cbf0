import { describe, expect, it } from "vitest";
import { describeExpiry, relativeTime } from "./token-times";

const now = new Date("2026-11-24T12:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("relativeTime", () => {
  it("gives hours with their minutes, never rounding the time left up", () => {
    expect(relativeTime(at(2 * 3600 - 60), now)).toBe("in 1 h 59 min");
    expect(relativeTime(at(2 * 3600 - 1), now)).toBe("in 1 h 59 min");
    expect(relativeTime(at(7200), now)).toBe("in 2 h");
    expect(relativeTime(at(-(3600 + 5 * 60)), now)).toBe("1 h 5 min ago");
  });

  it("gives minutes under an hour and days past one", () => {
    expect(relativeTime(at(-5 * 60), now)).toBe("5 minutes ago");
    expect(relativeTime(at(60), now)).toBe("in 1 minute");
    expect(relativeTime(at(59 * 60 + 59), now)).toBe("in 59 minutes");
    expect(relativeTime(at(-86_400), now)).toBe("yesterday");
    expect(relativeTime(at(3 * 86_400 + 7200), now)).toBe("in 3 days");
  });

  it("says so when under a minute away", () => {
    expect(relativeTime(at(30), now)).toBe("in under a minute");
    expect(relativeTime(at(-30), now)).toBe("just now");
    // Connected a few milliseconds before the page was drawn: not "in under a minute".
    expect(relativeTime(at(-0.3), now)).toBe("just now");
    expect(relativeTime(now, now)).toBe("just now");
  });
});

describe("describeExpiry", () => {
  it("tells a live token from an expired one", () => {
    // A 2-hour token issued a minute ago: not "in 1 hour".
    expect(describeExpiry(at(7200 - 60), now)).toBe("expires in 1 h 59 min");
    expect(describeExpiry(at(90 * 60), now)).toBe("expires in 1 h 30 min");
    expect(describeExpiry(at(-120), now)).toBe(
      "expired 2 minutes ago; refreshed automatically on next use",
    );
    expect(describeExpiry(null, now)).toBe("no expiry given by X");
  });
});
