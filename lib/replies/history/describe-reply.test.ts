import { describe, expect, it } from "vitest";
import { describeBotAnswer, describeEdit, describeReply } from "./describe-reply";

const product = {
  id: "uk-organic-tee",
  title: "Organic Cotton Tee",
  imageUrl: null,
  variants: [{ name: "S" }, { name: "M" }],
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

  it("names the sold-out size a reply asked for", () => {
    expect(describeReply({ ...facts, outcome: "OUT_OF_STOCK", size: "M" }).advice).toBe(
      "Size M was sold out, so nothing was added to your basket. Reply again with a size in stock, or when it is back.",
    );
    expect(describeReply({ ...facts, outcome: "OUT_OF_STOCK", size: null }).advice).toBe(
      "Nothing was added to your basket. Reply again when it is back in stock.",
    );
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

  it("says a reply to a closed post added nothing, in the marketplace's word", () => {
    const closed = describeReply({ ...facts, outcome: "POST_CLOSED" });
    expect(closed).toMatchObject({ label: "No longer taking orders", tone: "neutral" });
    expect(closed.advice).toContain("nothing was added to your basket");
    expect(closed.action).toEqual({ href: "/p/uk-organic-tee", label: "See the product" });
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

describe("an ordered reply", () => {
  it("says ordered and links the order, whatever the outcome said before", () => {
    const order = { id: "cmorder1", number: "RDER1234" };
    for (const outcome of ["ADDED", "NOT_LINKED"] as const)
      expect(describeReply({ ...facts, outcome, pendingAdd: "CLAIMED", order })).toEqual({
        label: "Ordered",
        tone: "success",
        advice: "You checked it out: it is in order RDER1234.",
        action: { href: "/orders/cmorder1", label: "See order RDER1234" },
      });
  });
});

describe("describeEdit", () => {
  const edited = { quantity: 3, size: "M", outcome: "ADDED", product } as const;

  it("says what the cart holds now after an edit changed it", () => {
    expect(describeEdit({ ...edited, editResult: "CHANGED" })).toBe(
      "You edited this reply: your basket now holds 3 × Organic Cotton Tee, size M from it.",
    );
    expect(describeEdit({ ...edited, outcome: "NOT_LINKED", editResult: "CHANGED" })).toMatch(
      /we now keep 3 × Organic Cotton Tee, size M for when you link/,
    );
  });

  it("says why an edit changed nothing, and nothing when there was nothing to change", () => {
    expect(describeEdit({ ...edited, editResult: "ORDERED" })).toMatch(/order stays/);
    expect(describeEdit({ ...edited, editResult: "KEPT" })).toMatch(/stayed as it was/);
    expect(describeEdit({ ...edited, editResult: "NOT_IN_CART" })).toMatch(/left your basket/);
    expect(describeEdit({ ...edited, editResult: "UNCHANGED" })).toBeNull();
    expect(describeEdit({ ...edited, editResult: null })).toBeNull();
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
