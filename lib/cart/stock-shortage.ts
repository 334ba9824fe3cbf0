// Stock is kept per product, not per size: a tee's M and L lines draw on the same stock. The
// cart's notices, its optimistic updates and checkout all judge lines by this one rule.

type StockLine = { productId: string; quantity: number; stock: number; active: boolean };

export type LineProblem = "unavailable" | "out_of_stock" | "short";

/** How many of each product the lines ask for, all sizes together. */
export function quantitiesByProduct(lines: { productId: string; quantity: number }[]) {
  const totals = new Map<string, number>();
  for (const { productId, quantity } of lines)
    totals.set(productId, (totals.get(productId) ?? 0) + quantity);
  return totals;
}

/** What stops a product's lines being ordered as they are, `wanted` being all their sizes. */
export function lineProblem(
  product: { active: boolean; stock: number },
  wanted: number,
): LineProblem | null {
  if (!product.active) return "unavailable";
  if (product.stock <= 0) return "out_of_stock";
  if (product.stock < wanted) return "short";
  return null;
}

/**
 * Each line with how many its product's lines ask for (`productWanted`) and how far they go past
 * the stock (`shortBy`; the whole line when the product cannot be ordered at all).
 */
export function withShortages<Line extends StockLine>(lines: Line[]) {
  const wanted = quantitiesByProduct(lines);
  return lines.map((line) => {
    const productWanted = wanted.get(line.productId) ?? line.quantity;
    const problem = lineProblem(line, productWanted);
    const shortBy =
      problem === "short" ? productWanted - line.stock : problem === null ? 0 : line.quantity;
    return { ...line, productWanted, shortBy };
  });
}
