import { describe, expect, it } from "vitest";
import { applyCartChange } from "./apply-cart-change";
import type { CartGroupView, CartLineView } from "./to-cart-view";

const line = (id: string, data: Partial<CartLineView> = {}): CartLineView => ({
  lineTotalMinor: (data.unitPriceMinor ?? 1000) * (data.quantity ?? 1),
  id,
  productId: `product-${id}`,
  title: `Product ${id}`,
  imageUrl: null,
  variant: "",
  unitPriceMinor: 1000,
  quantity: 1,
  stock: 50,
  active: true,
  digital: false,
  priceChangedFrom: null,
  outOfStock: false,
  shortBy: 0,
  provenance: [],
  ...data,
});

const group = (code: string, lines: CartLineView[]): CartGroupView => ({
  marketplace: { code, name: code, currency: code === "UK" ? "GBP" : "USD", cartWord: "cart" },
  lines,
  itemCount: lines.reduce((sum, item) => sum + item.quantity, 0),
  subtotalMinor: lines.reduce((sum, item) => sum + item.lineTotalMinor, 0),
  needsAttention: false,
});

describe("applyCartChange", () => {
  const cart = [
    group("UK", [line("a", { unitPriceMinor: 1400, quantity: 2 })]),
    group("US", [line("b", { stock: 3 }), line("c", { unitPriceMinor: 250 })]),
  ];

  it("sets a quantity and the totals and stock notice that follow from it", () => {
    const [uk, us] = applyCartChange(cart, { type: "quantity", lineId: "b", quantity: 5 });
    expect(uk).toEqual(cart[0]);
    expect(us!.lines[0]).toMatchObject({ quantity: 5, lineTotalMinor: 5000, shortBy: 2 });
    expect(us).toMatchObject({ itemCount: 6, subtotalMinor: 5250, needsAttention: true });
  });

  it("removes a line, and its group with its last line", () => {
    const afterB = applyCartChange(cart, { type: "remove", lineId: "b" });
    expect(afterB[1]).toMatchObject({ itemCount: 1, subtotalMinor: 250 });
    expect(afterB[1]!.lines.map((item) => item.id)).toEqual(["c"]);
    const afterA = applyCartChange(cart, { type: "remove", lineId: "a" });
    expect(afterA.map((item) => item.marketplace.code)).toEqual(["US"]);
  });

  it("counts an out-of-stock line as short by all of it", () => {
    const soldOut = [group("US", [line("d", { stock: 0, outOfStock: true })])];
    const [us] = applyCartChange(soldOut, { type: "quantity", lineId: "d", quantity: 4 });
    expect(us!.lines[0]!.shortBy).toBe(4);
    expect(us!.needsAttention).toBe(true);
  });

  it("judges each size of a product against its own stock as the quantity changes", () => {
    const sizes = [
      group("US", [
        line("m", { productId: "tee", variant: "M", quantity: 2, stock: 3 }),
        line("l", { productId: "tee", variant: "L", quantity: 2, stock: 5 }),
      ]),
    ];
    const [us] = applyCartChange(sizes, { type: "quantity", lineId: "m", quantity: 4 });
    expect(us!.lines.map((item) => [item.variant, item.shortBy])).toEqual([
      ["M", 1],
      ["L", 0],
    ]);
    expect(us!.needsAttention).toBe(true);
    const [fits] = applyCartChange(sizes, { type: "quantity", lineId: "l", quantity: 5 });
    expect(fits!.lines.map((item) => item.shortBy)).toEqual([0, 0]);
    expect(fits!.needsAttention).toBe(false);
  });

  it("changes nothing for a line it does not know", () => {
    expect(applyCartChange(cart, { type: "remove", lineId: "zzz" })).toEqual(cart);
  });
});
