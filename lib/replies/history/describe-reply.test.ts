import { describe, expect, it } from "vitest";
import { describeBotAnswer, describeReply } from "./describe-reply";

const product = {
  id: "uk-organic-tee",
  title: "Organic Cotton Tee",
  imageUrl: null,
  variants: ["S", "M"],
  digital: false,
  marketplace: { hashtags: ["addtobasket", "amazonbasket"], cartWord: "basket" },
};
const facts = { status: "DONE", quantity: 2, pendingAdd: null, product } as const;

describe("describeReply", () => {
  it("says the marketplace's own word for the cart", () => {
    expect(describeReply({ ...facts, outcome: "ADDED" }).label).toBe("Added to your basket");
  });

  it("says nothing went in when the line already held the most it can", () => {
    const full = describeReply({ ...facts, outcome: "ADDED", quantity: 0 });
    expect(full).toMatchObject({ label: "Your basket was full for it", tone: "warning" });
    expect(full.advice).toContain("nothing more was added");
  });

  it("lists the product's sizes when the reply named none it has", () => {
    expect(describeReply({ ...facts, outcome: "UNKNOWN_SIZE" }).advice).toContain(
      "“size S”, “size M”",
    );
  });

  it("names the product's store's first hashtag for a wrong-store reply", () => {
    expect(describeReply({ ...facts, outcome: "WRONG_MARKETPLACE" }).advice).toContain(
      "#addtobasket instead",
    );
  });

  it("tells a claimed pending add from one still waiting for a link", () => {
    const claimed = describeReply({ ...facts, outcome: "NOT_LINKED", pendingAdd: "CLAIMED" });
    const waiting = describeReply({ ...facts, outcome: "NOT_LINKED", pendingAdd: "PENDING" });
    expect(claimed.label).toBe("Added when you linked X");
    expect(waiting.action).toEqual({ href: "/account", label: "Link your account" });
  });

  it("shows an unprocessed reply as being processed, and a failed one as failed", () => {
    expect(describeReply({ ...facts, status: "RECEIVED", outcome: null }).label).toBe(
      "Being processed",
    );
    expect(describeReply({ ...facts, status: "FAILED", outcome: null }).tone).toBe("danger");
  });
});

describe("describeBotAnswer", () => {
  it("says so when X refused the bot's answer", () => {
    expect(describeBotAnswer({ status: "REFUSED", postedTweetId: null })?.text).toMatch(
      /X did not let our bot/,
    );
  });

  it("says nothing when there is no answer", () => {
    expect(describeBotAnswer(null)).toBeNull();
  });
});
