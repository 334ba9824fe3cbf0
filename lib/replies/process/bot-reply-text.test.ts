import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { botReplyText, replyRef, type BotReplyFacts } from "./bot-reply-text";

const facts = (over: Partial<BotReplyFacts> = {}): BotReplyFacts => ({
  tweetId: "1900000000000000002",
  outcome: "ADDED",
  productTitle: "Organic Cotton Tee",
  quantity: 2,
  size: "M",
  sizesInStock: ["S", "M", "L"],
  cartWord: "basket",
  rightHashtag: "addtocart",
  pendingDays: 7,
  link: null,
  limitedBy: null,
  ...over,
});

// X counts a link as 23 characters whatever its length.
const xLength = (text: string) => text.replace(/https?:\/\/\S+/g, "x".repeat(23)).length;

describe("the bot's answer", () => {
  it("names the product, quantity, size and the marketplace's word for the cart", () => {
    expect(botReplyText(facts())).toMatch(
      /^Added 2 × Organic Cotton Tee \(size M\) to your basket\./,
    );
  });

  it("says what the stock or the line's cap let in, never more", () => {
    expect(botReplyText(facts({ quantity: 8, size: null, limitedBy: "stock" }))).toMatch(
      /^Added 8 × Organic Cotton Tee, all we have, to your basket\./,
    );
    expect(botReplyText(facts({ quantity: 3, limitedBy: "line" }))).toMatch(
      /^Added 3 × Organic Cotton Tee \(size M\) to your basket, which now holds 10, the most one line can\./,
    );
    expect(botReplyText(facts({ quantity: 0, limitedBy: "line" }))).toMatch(
      /^Your basket already holds 10 × Organic Cotton Tee, the most one line can, so nothing more was added\./,
    );
    expect(
      botReplyText(facts({ outcome: "OUT_OF_STOCK", size: null, limitedBy: "stock" })),
    ).toMatch(
      /^All the Organic Cotton Tee we have are already in your basket, so nothing more was added\./,
    );
  });

  it("names a sold-out size and offers the sizes in stock", () => {
    const soldOut = (sizesInStock: string[]) =>
      botReplyText(facts({ outcome: "OUT_OF_STOCK", size: "M", sizesInStock }));
    expect(soldOut(["S", "L"])).toMatch(
      /^Sorry, Organic Cotton Tee is sold out in size M, so nothing was added to your basket\. Sizes S and L are in stock: reply with one of them\./,
    );
    expect(soldOut(["S", "L", "XL"])).toContain("Sizes S, L and XL are in stock");
    expect(soldOut(["XL"])).toContain("Size XL is in stock: reply with size XL to add it.");
    expect(soldOut([])).toMatch(
      /is sold out in size M, so nothing was added to your basket\. \(ref/,
    );
    expect(botReplyText(facts({ outcome: "OUT_OF_STOCK", size: null }))).toMatch(
      /^Sorry, Organic Cotton Tee is out of stock right now/,
    );
    expect(botReplyText(facts({ outcome: "OUT_OF_STOCK", limitedBy: "stock" }))).toMatch(
      /^All the Organic Cotton Tee in size M we have are already in your basket/,
    );
  });

  it("asks which size, offering only those in stock", () => {
    expect(
      botReplyText(facts({ outcome: "UNKNOWN_SIZE", size: null, sizesInStock: ["S", "XL"] })),
    ).toMatch(/^Which size of Organic Cotton Tee\? Reply again with one of: size S, size XL\./);
  });

  it("is the same for one source reply and different for two", () => {
    expect(botReplyText(facts())).toBe(botReplyText(facts()));
    expect(botReplyText(facts({ tweetId: "1900000000000000003" }))).not.toBe(botReplyText(facts()));
    expect(replyRef("1900000000000000002")).toMatch(/^[0-9A-F]{6}$/);
  });

  it("carries the link only when given one", () => {
    const link = "https://shop.example/account";
    expect(botReplyText(facts({ outcome: "NOT_LINKED", link }))).toContain(link);
    expect(botReplyText(facts({ outcome: "NOT_LINKED" }))).not.toContain("https://");
  });

  it("tells a reply to a closed post that it no longer takes orders and added nothing", () => {
    expect(botReplyText(facts({ outcome: "POST_CLOSED" }))).toMatch(
      /^Sorry, this post is no longer taking orders, so nothing was added to your basket\. \(ref \w{6}\)$/,
    );
  });

  it("answers nothing for ignored and withdrawn replies", () => {
    expect(botReplyText(facts({ outcome: "IGNORED" }))).toBeNull();
    expect(botReplyText(facts({ outcome: "WITHDRAWN" }))).toBeNull();
  });

  it("stays within X's 280 characters whatever the merchant's title and sizes", () => {
    const outcomes = [
      "ADDED",
      "NOT_LINKED",
      "OUT_OF_STOCK",
      "NO_PRODUCT",
      "WRONG_MARKETPLACE",
      "UNSUPPORTED",
      "UNKNOWN_SIZE",
      "RATE_LIMITED",
      "POST_CLOSED",
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...outcomes),
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom("stock" as const, "line" as const, null),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 30 }),
        (outcome, title, quantity, limitedBy, size, sizesInStock) => {
          const text = botReplyText(
            facts({
              outcome,
              productTitle: title,
              quantity,
              limitedBy,
              size,
              sizesInStock,
              link: "https://shop.example/account",
            }),
          );
          expect(text).not.toBeNull();
          expect(xLength(text!)).toBeLessThanOrEqual(280);
        },
      ),
    );
  });
});
