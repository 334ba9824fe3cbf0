import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantityAndSize } from "./parse-quantity-and-size";

describe("parseQuantityAndSize", () => {
  it("reads the quantity in each way a shopper writes it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (n) => {
        for (const text of [
          `#addtocart ${n}`,
          `@replycart #addtobasket ${n} please`,
          `#addtocart x${n}`,
          `#addtocart ×${n}`,
          `#addtocart qty ${n}`,
          `quantity: ${n} #addtocart`,
        ])
          expect(parseQuantityAndSize(text).quantity, text).toBe(n);
      }),
    );
  });

  it("reads full-width digits and letters", () => {
    expect(parseQuantityAndSize("＃ａｄｄｔｏｃａｒｔ ３ ｓｉｚｅ Ｌ")).toEqual({
      quantity: 3,
      size: "L",
    });
  });

  it("reads a size, upper-cased, alone or with a quantity", () => {
    expect(parseQuantityAndSize("#addtocart 2 size M")).toEqual({ quantity: 2, size: "M" });
    expect(parseQuantityAndSize("#addtocart size: xl")).toEqual({ quantity: 1, size: "XL" });
    expect(parseQuantityAndSize("#addtocart sz s x3")).toEqual({ quantity: 3, size: "S" });
  });

  it("defaults to one and no size, and keeps any quantity within 1-10", () => {
    expect(parseQuantityAndSize("#addtocart")).toEqual({ quantity: 1, size: null });
    expect(parseQuantityAndSize("#addtocart 0").quantity).toBe(1);
    expect(parseQuantityAndSize("#addtocart 999").quantity).toBe(10);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { quantity } = parseQuantityAndSize(text);
        expect(Number.isInteger(quantity) && quantity >= 1 && quantity <= 10).toBe(true);
      }),
    );
  });
});
