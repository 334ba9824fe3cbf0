import { describe, expect, it } from "vitest";
import { describeCartChange } from "./cart-change";

const tee = { title: "Organic Cotton Tee", quantity: 2, size: "M" };
const mug = { title: "Stoneware Mug", quantity: 1, size: null };

describe("describeCartChange", () => {
  it("says what one reply added, with its size", () => {
    expect(describeCartChange({ kind: "reply", items: [tee], more: 0 })).toBe(
      "Added from your reply: 2 × Organic Cotton Tee, size M",
    );
  });

  it("lists several replies' items, and counts those left out", () => {
    expect(describeCartChange({ kind: "reply", items: [tee, mug], more: 2 })).toBe(
      "Added from your replies: 2 × Organic Cotton Tee, size M; 1 × Stoneware Mug and 2 more",
    );
  });

  it("says what a deleted reply took out", () => {
    expect(describeCartChange({ kind: "withdrawn", items: [mug], more: 0 })).toBe(
      "Removed with your deleted reply: 1 × Stoneware Mug",
    );
  });

  it("says what an edited reply's line holds now", () => {
    expect(describeCartChange({ kind: "edited", items: [tee], more: 0 })).toBe(
      "Changed by your edited reply, now: 2 × Organic Cotton Tee, size M",
    );
  });

  it("has nothing to say when no item moved (a reply answered out of stock)", () => {
    expect(describeCartChange({ kind: "reply", items: [], more: 0 })).toBeNull();
  });
});
