import { describe, expect, it } from "vitest";
import { lineProblem, withShortages } from "./stock-shortage";

const line = (productId: string, quantity: number, stock: number, active = true) => ({
  productId,
  quantity,
  stock,
  active,
});

describe("withShortages", () => {
  it("judges the sizes of one product against its one stock", () => {
    const [m, l, mug] = withShortages([line("tee", 3, 5), line("tee", 3, 5), line("mug", 2, 5)]);
    expect(m).toMatchObject({ productWanted: 6, shortBy: 1 });
    expect(l).toMatchObject({ productWanted: 6, shortBy: 1 });
    expect(mug).toMatchObject({ productWanted: 2, shortBy: 0 });
  });

  it("counts a whole line short when its product is sold out or retired", () => {
    const [soldOut, retired] = withShortages([line("a", 2, 0), line("b", 1, 9, false)]);
    expect(soldOut!.shortBy).toBe(2);
    expect(retired!.shortBy).toBe(1);
  });
});

describe("lineProblem", () => {
  it("names what stops an order, retired first", () => {
    expect(lineProblem({ active: false, stock: 0 }, 1)).toBe("unavailable");
    expect(lineProblem({ active: true, stock: 0 }, 1)).toBe("out_of_stock");
    expect(lineProblem({ active: true, stock: 4 }, 5)).toBe("short");
    expect(lineProblem({ active: true, stock: 5 }, 5)).toBeNull();
  });
});
