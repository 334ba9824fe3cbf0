import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { postEntities } from "./post-entities";

describe("postEntities", () => {
  it("reads v2 hashtags and expanded links, never the t.co alias", () => {
    const post = {
      entities: {
        hashtags: [{ start: 0, end: 10, tag: "addtocart" }],
        urls: [{ url: "https://t.co/abc", expanded_url: "https://shop.example/p/us-organic-tee" }],
      },
    };
    expect(postEntities("XAA", post)).toEqual({
      hashtags: ["addtocart"],
      urls: ["https://shop.example/p/us-organic-tee"],
    });
    expect(postEntities("STREAM_WEBHOOK", post).hashtags).toEqual(["addtocart"]);
  });

  it("reads a truncated v1.1 tweet's entities from extended_tweet, where the hashtag may be", () => {
    const tweet = {
      truncated: true,
      entities: { hashtags: [], urls: [{ expanded_url: "https://twitter.com/i/web/status/1" }] },
      extended_tweet: { entities: { hashtags: [{ text: "AddToBasket" }], urls: [] } },
    };
    expect(postEntities("AAA", tweet)).toEqual({ hashtags: ["AddToBasket"], urls: [] });
    expect(postEntities("AAA", { ...tweet, truncated: false })).toEqual({
      hashtags: [],
      urls: ["https://twitter.com/i/web/status/1"],
    });
  });

  it("reads nothing, and never throws, from a Post without usable entities", () => {
    expect(postEntities("XAA", { text: "#addtocart" })).toEqual({ hashtags: [], urls: [] });
    fc.assert(
      fc.property(
        fc.constantFrom("XAA", "STREAM_WEBHOOK", "AAA" as const),
        fc.jsonValue(),
        (source, raw) => {
          const { hashtags, urls } = postEntities(source, raw);
          expect(hashtags.every((h) => typeof h === "string")).toBe(true);
          expect(urls.every((u) => typeof u === "string")).toBe(true);
        },
      ),
    );
  });
});
