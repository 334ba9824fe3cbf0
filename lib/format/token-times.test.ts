import { describe, expect, it } from "vitest";
import { describeExpiry, relativeTime } from "./token-times";

const now = new Date("2026-11-24T12:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("relativeTime", () => {
  it("rounds toward zero in the largest unit that fits", () => {
    expect(relativeTime(at(2 * 3600 - 1), now)).toBe("in 1 hour");
    expect(relativeTime(at(7200), now)).toBe("in 2 hours");
    expect(relativeTime(at(-5 * 60), now)).toBe("5 minutes ago");
    expect(relativeTime(at(-86_400), now)).toBe("yesterday");
  });

  it("says so when under a minute away", () => {
    expect(relativeTime(at(30), now)).toBe("in under a minute");
    expect(relativeTime(at(-30), now)).toBe("just now");
  });
});

describe("describeExpiry", () => {
  it("tells a live token from an expired one", () => {
    expect(describeExpiry(at(90 * 60), now)).toBe("expires in 1 hour");
    expect(describeExpiry(at(-120), now)).toBe(
      "expired 2 minutes ago; refreshed automatically on next use",
    );
    expect(describeExpiry(null, now)).toBe("no expiry given by X");
  });
});
