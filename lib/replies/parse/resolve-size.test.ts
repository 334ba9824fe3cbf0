import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantityAndSize } from "./parse-quantity-and-size";
import { resolveSize } from "./resolve-size";

const PRODUCTS = [
  ["S", "M", "L", "XL"],
  ["XS", "S", "M", "L", "XL", "XXL"],
  ["L", "XL", "2XL", "3XL"],
  ["Small", "Medium", "Large", "X-Large"],
  ["38", "40", "42"],
  ["10", "10.5", "11"],
  ["Navy", "Sand"],
  ["S/M", "M/L"],
];

const resolved = (text: string, variants: string[]) =>
  resolveSize(parseQuantityAndSize(text).size, variants);

/** A product and two of its variants, different ones. */
const twoOfOne = fc
  .constantFrom(...PRODUCTS)
  .chain((variants) =>
    fc.tuple(
      fc.constant(variants),
      fc.uniqueArray(fc.constantFrom(...variants), { minLength: 2, maxLength: 2 }),
    ),
  );

describe("resolveSize", () => {
  it("finds each variant named after size, in the product's own spelling", () => {
    fc.assert(
      fc.property(twoOfOne, fc.boolean(), ([variants, [variant]], lower) => {
        const named = lower ? variant!.toLowerCase() : variant!;
        expect(resolved(`#addtocart size ${named}`, variants)).toEqual({ size: variant });
        expect(resolved(`#addtocart 2 size ${named} please`, variants)).toEqual({ size: variant });
      }),
    );
  });

  it("asks which when two different variants are named, or none", () => {
    fc.assert(
      fc.property(twoOfOne, ([variants, [a, b]]) => {
        expect(resolved(`#addtocart size ${a} or ${b}`, variants)).toEqual({ ask: "which" });
        expect(resolved(`#addtocart size ${a}, size ${b}`, variants)).toEqual({ ask: "which" });
        expect(resolved("#addtocart please", variants)).toEqual({ ask: "which" });
      }),
    );
  });

  it("asks when the size named is not one the product has", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRODUCTS),
        fc.constantFrom("XXS", "4XL", "44", "9.5", "Q", "Red"),
        (variants, size) => {
          expect(resolved(`#addtocart size ${size}`, variants)).toEqual({ ask: "unknown" });
        },
      ),
    );
  });

  it("asks when the reply asks about sizes, even naming one the product has", () => {
    fc.assert(
      fc.property(
        twoOfOne,
        fc.constantFrom(
          "does it come in {}?",
          "do you have {}? #addtocart",
          "#addtocart is there a {}?",
          "#addtocart {} available?",
          "what sizes do you have? #addtocart size {}",
        ),
        ([variants, [variant]], template) => {
          const text = template.replace("{}", variant!);
          expect(resolved(text, variants), text).toEqual({ ask: "question" });
        },
      ),
    );
  });

  it("reads no size for a product without variants, and only the product's variants for one with", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 5 }),
        (text, variants) => {
          const size = resolveSize(parseQuantityAndSize(text).size, variants);
          if (!variants.length) expect(size).toEqual({ size: null });
          else if ("size" in size) expect(variants).toContain(size.size);
        },
      ),
    );
    expect(resolved("#addtocart size XL, or L?", [])).toEqual({ size: null });
  });
});
