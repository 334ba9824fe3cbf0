import { describe, expect, it } from "vitest";
import { isUsStateCode, US_STATE_GROUPS, usStateCode } from "./us-states";

describe("usStateCode", () => {
  it("finds every listed place by its code and by its name", () => {
    const places = US_STATE_GROUPS.flatMap((group) => Object.entries(group.states));
    // 50 states and DC, 5 territories, 3 military codes.
    expect(places).toHaveLength(59);
    for (const [code, name] of places) {
      expect(usStateCode(code)).toBe(code);
      expect(usStateCode(code.toLowerCase())).toBe(code);
      expect(usStateCode(name)).toBe(code);
      expect(usStateCode(name.toUpperCase())).toBe(code);
      expect(isUsStateCode(code)).toBe(true);
    }
  });

  it("knows no other codes", () => {
    for (const value of ["ZZ", "UK", "", "toString", "__proto__", "constructor"]) {
      expect(usStateCode(value)).toBeNull();
      expect(isUsStateCode(value)).toBe(false);
    }
    expect(isUsStateCode("ca")).toBe(false);
  });
});
