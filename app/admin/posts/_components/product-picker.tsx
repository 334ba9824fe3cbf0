type Option = { id: string; title: string; marketplace: { code: string } };

/** A product choice (a select named `name`), each product with its store. */
export function ProductSelect({
  id,
  name,
  products,
  defaultValue,
}: {
  id: string;
  name: string;
  products: Option[];
  defaultValue?: string;
}) {
  return (
    <select
      id={id}
      name={name}
      required
      defaultValue={defaultValue ?? ""}
      className="w-full max-w-md rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
    >
      <option value="" disabled>
        Choose a product
      </option>
      {products.map((product) => (
        <option key={product.id} value={product.id}>
          {product.title} ({product.marketplace.code})
        </option>
      ))}
    </select>
  );
}
