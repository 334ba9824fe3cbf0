import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchMarketplaces } from "./match-marketplaces";

const markets = [
  { code: "US", hashtags: ["addtocart"] },
  { code: "UK", hashtags: ["addtobasket"] },
];

// Full-width forms of ASCII letters are U+FF21.. (upper) and U+FF41.. (lower).
const fullWidth = (text: string) =>
  [...text].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join("");
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  o: "о",
  e: "е",
  t: "т",
  k: "к",
};
const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];

/** Any upper/lower mix of a word. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));

describe("matchMarketplaces", () => {
  it("matches each store's hashtag in any case, and in full-width letters", () => {
    fc.assert(
      fc.property(anyCase("addtocart"), anyCase("addtobasket"), (us, uk) => {
        expect(matchMarketplaces([us], markets)).toEqual(["US"]);
        expect(matchMarketplaces([fullWidth(uk)], markets)).toEqual(["UK"]);
        expect(matchMarketplaces([`＃${us}`], markets)).toEqual(["US"]);
      }),
    );
  });

  it("does not match a Cyrillic look-alike of any letter", () => {
    const swappable = [..."addtocart"].flatMap((c, i) => (CYRILLIC_LOOKALIKES[c] ? [i] : []));
    fc.assert(
      fc.property(fc.constantFrom(...swappable), (index) => {
        const word = [..."addtocart"];
        word[index] = CYRILLIC_LOOKALIKES[word[index]!]!;
        expect(matchMarketplaces([word.join("")], markets)).toEqual([]);
      }),
    );
  });

  it("does not match with a zero-width character anywhere inside", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...ZERO_WIDTH), (at, zw) => {
        const tag = `${"addtocart".slice(0, at)}${zw}${"addtocart".slice(at)}`;
        expect(matchMarketplaces([tag], markets)).toEqual([]);
      }),
    );
  });

  it("matches only whole configured tags, never parts of other text", () => {
    fc.assert(
      fc.property(fc.string(), (tag) => {
        const result = matchMarketplaces([tag], markets);
        const folded = tag.normalize("NFKC").toLowerCase().replace(/^#/, "");
        expect(result).toEqual(
          folded === "addtocart" ? ["US"] : folded === "addtobasket" ? ["UK"] : [],
        );
      }),
    );
    expect(matchMarketplaces(["addtocarts", "myaddtocart", "add_to_cart"], markets)).toEqual([]);
    expect(matchMarketplaces(["addtocart", "AddToBasket"], markets)).toEqual(["US", "UK"]);
  });
});
