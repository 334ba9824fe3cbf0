import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantityAndSize } from "./parse-quantity-and-size";
import { sizeKey } from "./size-key";

/** Any upper/lower mix of a word. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));

const chosenSizes = (text: string) => parseQuantityAndSize(text).size.chosen.sizes;

describe("parseQuantityAndSize", () => {
  it("reads the quantity in each way a shopper writes it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (n) => {
        for (const text of [
          `#addtocart ${n}`,
          `${n} #addtocart`,
          `@replycart #addtobasket ${n} please`,
          `#addtocart x${n}`,
          `#addtocart ×${n}`,
          `#addtocart ${n}x`,
          `#addtocart qty ${n}`,
          `quantity: ${n} #addtocart`,
          `#addtocart ${n} pcs`,
          `#addtocart size M ${n}`,
        ])
          expect(parseQuantityAndSize(text).quantity, text).toBe(n);
      }),
    );
  });

  it("never reads a price, a percentage, a unit, a year, a time, a handle or a link as the quantity", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 999 }),
        fc.integer({ min: 1000, max: 2999 }),
        (n, year) => {
          for (const text of [
            `#addtocart $${n}`,
            `#addtocart £ ${n}`,
            `#addtocart ${n}$`,
            `#addtocart ${n}%`,
            `#addtocart ${n} dollars`,
            `#addtocart ${n}cm`,
            `#addtocart ${n} mm`,
            `#addtocart ${n}pm`,
            `#addtocart ${n}.99`,
            `#addtocart ${n} weeks`,
            `see you at ${n} #addtocart`,
            `#addtocart ${year}`,
            `@user${n} #addtocart`,
            `#addtocart #black${n}`,
            `#addtocart https://t.co/a${n}`,
            `#addtocart size ${n}`,
            `#addtocart ${n}xl`,
          ])
            expect(parseQuantityAndSize(text).quantity, text).toBe(1);
        },
      ),
    );
  });

  it("reads a size after size, sz or size:, in any case, and never the s of sizes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("size", "sz", "size:", "in size"),
        fc.constantFrom("s", "m", "l", "xl", "xxl", "42", "10.5", "m/l", "extra large"),
        fc.boolean(),
        (intro, size, upper) => {
          const text = `#addtocart ${intro} ${upper ? size.toUpperCase() : size}`;
          expect(chosenSizes(text), text).toEqual([sizeKey(size)]);
        },
      ),
    );
    fc.assert(
      fc.property(anyCase("sizes"), (sizes) => {
        expect(chosenSizes(`what ${sizes} do you have? #addtocart`)).toEqual([]);
      }),
    );
  });

  it("reads size words and letter sizes alone, but never a lone S, M or L", () => {
    for (const [word, key] of [
      ["small", "S"],
      ["Medium", "M"],
      ["large", "L"],
      ["extra small", "XS"],
      ["x-large", "XL"],
      ["XL", "XL"],
      ["2XL", "XXL"],
      ["xxx-large", "XXXL"],
    ])
      expect(chosenSizes(`#addtocart ${word} please`), word).toEqual([key]);
    for (const letter of ["s", "M", "l"]) expect(chosenSizes(`#addtocart ${letter}`)).toEqual([]);
  });

  it("keeps a size asked about apart from a size chosen", () => {
    expect(parseQuantityAndSize("#addtocart does it come in XL?").size).toEqual({
      chosen: { sizes: [], words: [] },
      asked: { sizes: ["XL"], words: ["does", "it", "come", "in"] },
      asksAboutSizes: false,
    });
    expect(parseQuantityAndSize("what sizes do you have? #addtocart size XL").size).toEqual({
      chosen: { sizes: ["XL"], words: [] },
      asked: { sizes: [], words: ["what", "sizes", "do", "you", "have"] },
      asksAboutSizes: true,
    });
    expect(parseQuantityAndSize("#addtocart can I get size M?").size.chosen.sizes).toEqual(["M"]);
  });

  it("reads full-width digits and letters", () => {
    const { quantity, size } = parseQuantityAndSize("＃ａｄｄｔｏｃａｒｔ ３ ｓｉｚｅ Ｌ");
    expect(quantity).toBe(3);
    expect(size.chosen.sizes).toEqual(["L"]);
  });

  it("defaults to one, and keeps any quantity within 1-10, whatever the text", () => {
    expect(parseQuantityAndSize("#addtocart").quantity).toBe(1);
    expect(parseQuantityAndSize("#addtocart a couple").quantity).toBe(1);
    expect(parseQuantityAndSize("#addtocart 0").quantity).toBe(1);
    expect(parseQuantityAndSize("#addtocart 999").quantity).toBe(10);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: "binary", maxLength: 300 }),
          fc
            .array(
              fc.constantFrom(
                "#addtocart",
                " ",
                "size",
                "x",
                "2",
                "999",
                "?",
                ",",
                "medium",
                "xl",
                "$",
                "@",
                "\uE000",
              ),
              { maxLength: 40 },
            )
            .map((parts) => parts.join("")),
        ),
        (text) => {
          const { quantity } = parseQuantityAndSize(text);
          expect(Number.isInteger(quantity) && quantity >= 1 && quantity <= 10).toBe(true);
        },
      ),
    );
  });

  it("of different quantities, reads the smallest", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (a, b) => {
        expect(parseQuantityAndSize(`#addtocart ${a} x${b}`).quantity).toBe(Math.min(a, b));
      }),
    );
  });
});
