import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("formats US dollars from cents", () => {
    expect(formatMoney(7999, "USD")).toBe("$79.99");
  });

  it("formats pounds from pence with the pound sign", () => {
    expect(formatMoney(1400, "GBP")).toBe("£14.00");
  });

  it("keeps thousands separators", () => {
    expect(formatMoney(1234567, "USD")).toBe("$12,345.67");
  });
});
