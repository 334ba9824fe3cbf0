import { describe, expect, it } from "vitest";
import { dueAt, dueBy } from "./load";

describe("the open-loop schedule", () => {
  it("starts each request when it is due, not one interval later", () => {
    // At 10 a second: the first at 0 ms, the second at 100 ms.
    expect(dueBy(0, 10, 50)).toBe(1);
    expect(dueBy(0.099, 10, 50)).toBe(1);
    expect(dueBy(0.1, 10, 50)).toBe(2);
    expect(dueAt(1, 10)).toBe(100);
  });

  it("has every request due by the moment dueAt gives it", () => {
    for (const rate of [10, 633, 1_266])
      for (let n = 0; n < 2_000; n += 37)
        expect(dueBy(dueAt(n, rate) / 1000, rate, 1e9)).toBe(n + 1);
  });

  it("never starts more than the run's total", () => {
    expect(dueBy(3_600, 10, 50)).toBe(50);
  });
});
