import type { ProductFormInput } from "./save-product";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
const texts = (formData: FormData, name: string) =>
  formData.getAll(name).map((value) => (typeof value === "string" ? value : ""));

/**
 * The product form's fields as save-product reads them: each existing size as a pair of
 * `variantId`/`variantName` fields in order, new sizes as one comma-separated `newSizes` field.
 */
export function productFormInput(formData: FormData): ProductFormInput {
  const ids = texts(formData, "variantId");
  const names = texts(formData, "variantName");
  return {
    title: text(formData, "title"),
    description: text(formData, "description"),
    price: text(formData, "price"),
    sku: text(formData, "sku"),
    active: formData.get("active") === "on",
    lowStockThreshold: text(formData, "lowStockThreshold") || "3",
    variants: ids.map((id, index) => ({ id, name: names[index] ?? "" })),
    newSizes: text(formData, "newSizes")
      .split(",")
      .map((size) => size.trim())
      .filter(Boolean),
  };
}
