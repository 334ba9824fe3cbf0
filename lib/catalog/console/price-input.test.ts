import { describe, expect, it } from "vitest";
import { parsePrice, priceInput } from "./price-input";

describe("parsePrice", () => {
  it("reads whole amounts, cents and thousands separators as minor units", () => {
    expect(parsePrice("12")).toBe(1200);
    expect(parsePrice("12.5")).toBe(1250);
    expect(parsePrice(" 12.05 ")).toBe(1205);
    expect(parsePrice("1,299.00")).toBe(129900);
    expect(parsePrice("£8.99")).toBe(899);
    expect(parsePrice("0")).toBe(0);
  });

  it("refuses what is not a price", () => {
    for (const text of ["", "abc", "12.345", "-3", "1.2.3", "12,34", "99999999"])
      expect(parsePrice(text), text).toBeNull();
  });

  it("round-trips what the field shows", () => {
    for (const minor of [0, 5, 1205, 129900]) expect(parsePrice(priceInput(minor))).toBe(minor);
  });
});
