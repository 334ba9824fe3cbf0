// Stock is kept per variant (size): a tee's M and L lines each draw on their own size's stock,
// and a cart holds one line per size, so each line is judged on its own. The cart's notices,
// its optimistic updates and checkout all judge lines by this one rule.

type StockLine = { quantity: number; stock: number; active: boolean };

export type LineProblem = "unavailable" | "out_of_stock" | "short";

/** What stops a line being ordered as it is: `stock` is its variant's. */
export function lineProblem(
  line: { active: boolean; stock: number },
  wanted: number,
): LineProblem | null {
  if (!line.active) return "unavailable";
  if (line.stock <= 0) return "out_of_stock";
  if (line.stock < wanted) return "short";
  return null;
}

/**
 * Each line with how far it goes past its variant's stock (`shortBy`; the whole line when it
 * cannot be ordered at all).
 */
export function withShortages<Line extends StockLine>(lines: Line[]) {
  return lines.map((line) => {
    const problem = lineProblem(line, line.quantity);
    const shortBy =
      problem === "short" ? line.quantity - line.stock : problem === null ? 0 : line.quantity;
    return { ...line, shortBy };
  });
}
