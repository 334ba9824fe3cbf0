import { describe, expect, it } from "vitest";
import {
  findUrls,
  formatMicroUsd,
  X_POST_MAX_LENGTH,
  xPostCost,
  xPostLength,
} from "./x-post-length";

describe("xPostLength", () => {
  it("counts plain Latin text one per character", () => {
    expect(xPostLength("")).toBe(0);
    expect(xPostLength("Reply #addtocart 2 size M")).toBe(25);
    expect(xPostLength("Café crème, 12,00")).toBe(17);
    expect(xPostLength("a".repeat(X_POST_MAX_LENGTH))).toBe(280);
  });

  it("counts every URL as 23, however long or short", () => {
    const long = `https://shop.example.com/p/${"x".repeat(200)}`;
    expect(xPostLength(long)).toBe(23);
    expect(xPostLength("http://a.co")).toBe(23);
    expect(xPostLength(`Buy it ${long} now`)).toBe(7 + 23 + 4);
    expect(xPostLength("two: https://a.example/1 https://b.example/2")).toBe(5 + 23 + 1 + 23);
  });

  it("counts a bare host under a known domain as a URL, not an email-like or hashtag word", () => {
    expect(xPostLength("see shop.example.com/p/mug")).toBe(4 + 23);
    expect(findUrls("Reply #addtocart, e.g. size M")).toEqual([]);
  });

  it("leaves a sentence's closing punctuation out of the URL", () => {
    expect(findUrls("It is at https://shop.example/p/mug.")).toEqual([
      "https://shop.example/p/mug",
    ]);
    expect(xPostLength("(https://shop.example/p/mug).")).toBe(1 + 23 + 2);
  });

  it("counts CJK, kana and Hangul characters as 2", () => {
    expect(xPostLength("日本語")).toBe(6);
    expect(xPostLength("カート")).toBe(6);
    expect(xPostLength("장바구니")).toBe(8);
    expect(xPostLength("Tee 綿")).toBe(4 + 2);
  });

  it("counts an emoji as 2, even one made of several code points", () => {
    expect(xPostLength("🛒")).toBe(2);
    expect(xPostLength("👍🏽")).toBe(2);
    expect(xPostLength("👩‍👩‍👧‍👦")).toBe(2);
    expect(xPostLength("🇺🇸")).toBe(2);
    expect(xPostLength("Add 🛒 now")).toBe(4 + 2 + 4);
  });

  it("measures the NFC form, so a decomposed accent counts once", () => {
    expect(xPostLength("Cafe\u0301")).toBe(4);
  });

  it("counts the punctuation X treats as light as 1 (dashes, quotes, primes)", () => {
    expect(xPostLength("“quoted” — ‘yes’ ′")).toBe(18);
    // Outside those ranges: the ellipsis and the euro sign count 2.
    expect(xPostLength("…")).toBe(2);
    expect(xPostLength("12,00 €")).toBe(8);
  });
});

describe("xPostCost", () => {
  it("is $0.015 for a post without a URL and $0.200 with one", () => {
    expect(formatMicroUsd(xPostCost("Organic Tee, $25.00. Reply #addtocart size M"))).toBe(
      "$0.015",
    );
    expect(formatMicroUsd(xPostCost("Organic Tee https://shop.example/p/tee"))).toBe("$0.200");
    expect(formatMicroUsd(xPostCost("Organic Tee shop.example.com/p/tee"))).toBe("$0.200");
  });
});
