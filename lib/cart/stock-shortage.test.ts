import { describe, expect, it } from "vitest";
import { lineProblem, withShortages } from "./stock-shortage";

const line = (
  productId: string,
  variant: string,
  quantity: number,
  stock: number,
  active = true,
) => ({
  productId,
  variant,
  quantity,
  stock,
  active,
});

describe("withShortages", () => {
  it("judges each size of a product against its own stock", () => {
    const [m, l, mug] = withShortages([
      line("tee", "M", 3, 2),
      line("tee", "L", 3, 5),
      line("mug", "", 2, 5),
    ]);
    expect(m).toMatchObject({ variant: "M", shortBy: 1 });
    expect(l).toMatchObject({ variant: "L", shortBy: 0 });
    expect(mug).toMatchObject({ shortBy: 0 });
  });

  it("counts a whole line short when its product is sold out or retired", () => {
    const [soldOut, retired] = withShortages([line("a", "", 2, 0), line("b", "S", 1, 9, false)]);
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
