import type { VariantStock } from "@/lib/catalog/variant-stock";

/** At or under this many, a size says how many are left. */
const FEW_LEFT = 5;

/** What a size's stock means to a shopper, in words: "sold out", "only 3 left", or nothing. */
export function sizeStockNote(stock: number): string | null {
  if (stock <= 0) return "sold out";
  if (stock <= FEW_LEFT) return `only ${stock} left`;
  return null;
}

/**
 * The product's sizes and which can be had, for a shopper without the add form (whose size
 * select says the same). A sold-out size says so in words, not by its look alone.
 */
export function SizeStockList({ sizes }: { sizes: VariantStock[] }) {
  return (
    <div>
      <h2 id="sizes-title" className="text-sm font-medium text-slate-900">
        Sizes
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2" aria-labelledby="sizes-title">
        {sizes.map((size) => {
          const note = sizeStockNote(size.stock);
          return (
            <li
              key={size.name}
              data-sold-out={size.stock <= 0 ? "true" : undefined}
              className={`rounded-md border px-3 py-1.5 text-sm font-medium ${
                size.stock <= 0
                  ? "border-dashed border-slate-300 bg-slate-50 text-slate-500"
                  : "border-slate-300 bg-white"
              }`}
            >
              {size.name}
              {note && <span className="font-normal"> ({note})</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
