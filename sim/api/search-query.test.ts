import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchQuery, parseQuery, QueryError, type MatchablePost } from "./search-query";

function post(overrides: Partial<MatchablePost> = {}): MatchablePost {
  return {
    text: "@replycart #addtocart please",
    hashtags: ["addtocart"],
    mentions: ["replycart"],
    urls: [],
    authorUsername: "alice",
    authorId: "2",
    inReplyToUsername: "replycart",
    conversationId: "100",
    isReply: true,
    isRetweet: false,
    isQuote: false,
    ...overrides,
  };
}

const matches = (query: string, p: MatchablePost) => matchQuery(parseQuery(query), p);

describe("search query parser", () => {
  it("matches replycart's stream rule: hashtags OR-ed in parentheses, replies only", () => {
    const rule = "(#addtocart OR #addtobasket) is:reply";
    expect(matches(rule, post())).toBe(true);
    expect(matches(rule, post({ hashtags: ["addtobasket"] }))).toBe(true);
    expect(matches(rule, post({ isReply: false }))).toBe(false);
    expect(matches(rule, post({ hashtags: ["other"] }))).toBe(false);
  });

  it("negates with '-': -is:retweet drops retweets", () => {
    expect(matches("#addtocart -is:retweet", post({ isRetweet: true }))).toBe(false);
    expect(matches("#addtocart -is:retweet", post())).toBe(true);
  });

  it("binds AND tighter than OR, as X does", () => {
    // a OR (b AND c)
    const q = "#x OR #addtocart from:bob";
    expect(matches(q, post())).toBe(false);
    expect(matches(q, post({ authorUsername: "bob" }))).toBe(true);
    expect(matches(q, post({ hashtags: ["x"] }))).toBe(true);
  });

  it("matches hashtags case-insensitively and not as substrings", () => {
    expect(matches("#AddToCart", post())).toBe(true);
    expect(matches("#addto", post())).toBe(false);
  });

  it("supports keywords, exact phrases, mentions, from:, to:, conversation_id:, url:", () => {
    expect(matches("please", post())).toBe(true);
    expect(matches('"addtocart please"', post())).toBe(true);
    expect(matches('"please addtocart"', post())).toBe(false);
    expect(matches("@replycart", post())).toBe(true);
    expect(matches("to:replycart", post())).toBe(true);
    expect(matches("conversation_id:100", post())).toBe(true);
    expect(matches("url:shop.example", post({ urls: ["https://shop.example/p/1"] }))).toBe(true);
    expect(matches("-(#addtocart OR #x) please", post())).toBe(false);
  });

  it("refuses what X refuses: is: alone, only negations, bad parentheses, unknown operators", () => {
    expect(() => parseQuery("is:reply")).toThrow(
      /must be used with at least one standalone operator/,
    );
    expect(() => parseQuery("-is:retweet")).toThrow(QueryError);
    expect(() => parseQuery("-#addtocart")).toThrow(QueryError);
    expect(() => parseQuery("(#a OR #b")).toThrow(QueryError);
    expect(() => parseQuery("#a)")).toThrow(QueryError);
    expect(() => parseQuery("#a OR")).toThrow(QueryError);
    expect(() => parseQuery("lang:en")).toThrow(/invalid operator 'lang'/);
    expect(() => parseQuery("is:banana #a")).toThrow(QueryError);
    expect(() => parseQuery("   ")).toThrow(QueryError);
  });

  it("treats OR of two hashtags as the union of each (property)", () => {
    const tag = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(tag, tag, fc.array(tag, { maxLength: 4 }), (a, b, tags) => {
        const p = post({ hashtags: tags });
        expect(matches(`#${a} OR #${b}`, p)).toBe(matches(`#${a}`, p) || matches(`#${b}`, p));
        expect(matches(`#${a} #${b}`, p)).toBe(matches(`#${a}`, p) && matches(`#${b}`, p));
      }),
    );
  });
});
