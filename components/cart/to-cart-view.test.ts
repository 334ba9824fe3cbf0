import { describe, expect, it } from "vitest";
import type { CartGroup, CartLine, CartLineSource } from "@/lib/cart/get-cart";
import { toCartView } from "./to-cart-view";

const x = { simulated: false, apiBaseUrl: "https://api.x.com" };

const source = (tweetId: string, data: Partial<CartLineSource> = {}): CartLineSource => ({
  tweetId,
  quantity: 1,
  repliedAt: new Date("2025-11-03T14:02:00Z"),
  latestTweetId: `${tweetId}9`,
  authorUsername: "alice",
  deleted: false,
  ...data,
});

const cartOf = (data: Partial<CartLine>): CartGroup[] => [
  {
    marketplace: { code: "US", name: "United States", currency: "USD", cartWord: "cart" },
    itemCount: data.quantity ?? 1,
    subtotalMinor: 0,
    needsAttention: false,
    lines: [
      {
        id: "line",
        productId: "us-organic-tee",
        title: "Organic Cotton Tee",
        imageUrl: null,
        variant: "M",
        unitPriceMinor: 2800,
        quantity: 1,
        lineTotalMinor: 2800,
        stock: 10,
        active: true,
        digital: false,
        priceChangedFrom: null,
        outOfStock: false,
        shortBy: 0,
        sources: [],
        websiteQuantity: 0,
        ...data,
      },
    ],
  },
];

const provenanceOf = (data: Partial<CartLine>) =>
  toCartView(cartOf(data), x)[0]!.lines[0]!.provenance;

describe("toCartView", () => {
  it("links each reply on X with its time, and says when a reply was deleted", () => {
    const entries = provenanceOf({
      quantity: 3,
      sources: [source("11", { quantity: 2 }), source("12", { deleted: true })],
    });
    expect(entries).toEqual([
      {
        key: "11",
        kind: "reply",
        quantity: 2,
        when: {
          text: "3 Nov 2025, 14:02 UTC",
          iso: "2025-11-03T14:02:00.000Z",
          title: "Monday, 3 November 2025 at 14:02:00 UTC (UTC)",
        },
        href: "https://x.com/alice/status/119",
        deleted: false,
      },
      expect.objectContaining({ key: "12", quantity: 1, href: null, deleted: true }),
    ]);
  });

  it("adds the website's part, and counts only when the parts make up the line", () => {
    expect(provenanceOf({ quantity: 3, sources: [source("11")], websiteQuantity: 2 })).toEqual([
      expect.objectContaining({ kind: "reply", quantity: 1 }),
      expect.objectContaining({ kind: "website", quantity: 2, href: null, when: null }),
    ]);
    // Lowered below what the reply added: no counts that do not add up.
    expect(provenanceOf({ quantity: 1, sources: [source("11", { quantity: 3 })] })).toEqual([
      expect.objectContaining({ kind: "reply", quantity: null }),
    ]);
    // A line from before sources were recorded counts as the website's.
    expect(provenanceOf({ quantity: 2 })).toEqual([
      expect.objectContaining({ kind: "website", quantity: null }),
    ]);
  });

  it("shows each reply's time in the shopper's zone", () => {
    const [entry] = toCartView(cartOf({ sources: [source("11")] }), x, "America/New_York")[0]!
      .lines[0]!.provenance;
    expect(entry!.when!.text).toBe("3 Nov 2025, 09:02 EST");
  });

  it("links to the simulator's UI in demo mode", () => {
    const [entry] = toCartView(cartOf({ sources: [source("11")] }), {
      simulated: true,
      apiBaseUrl: "http://127.0.0.1:4010/",
    })[0]!.lines[0]!.provenance;
    expect(entry!.href).toBe("http://127.0.0.1:4010/#post-119");
  });
});
