import type { Prisma, ProductVariant } from "@/lib/generated/prisma/client";

// Stock is kept per variant (ProductVariant): one per size, or a single one named "" for a
// product without sizes. Cart, pending and order lines name their variant by that name.

/** What judging stock needs of a variant. */
export type VariantStock = Pick<ProductVariant, "name" | "stock">;

/** A product's variants in the order the merchant listed them. */
export const VARIANT_ORDER = [
  { position: "asc" },
  { name: "asc" },
] satisfies Prisma.ProductVariantOrderByWithRelationInput[];

/** The sizes shoppers choose from, in order; none for a product without sizes. */
export const sizeNames = (variants: VariantStock[]) =>
  variants.filter((variant) => variant.name !== "").map((variant) => variant.name);

/** The sizes with some stock, in order. */
export const sizesInStock = (variants: VariantStock[]) =>
  variants.filter((variant) => variant.name !== "" && variant.stock > 0).map((v) => v.name);

/** All of a product's stock, every size together: what the shop has of it at all. */
export const totalStock = (variants: Pick<VariantStock, "stock">[]) =>
  variants.reduce((sum, variant) => sum + variant.stock, 0);

/** The stock of one variant by name ("" for a product without sizes); 0 when there is none. */
export const stockOf = (variants: VariantStock[], name: string) =>
  variants.find((variant) => variant.name === name)?.stock ?? 0;
