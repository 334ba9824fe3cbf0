import { z } from "zod";
import { refuse, type Refusal } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { db as appDb } from "@/lib/database/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { VARIANT_ORDER } from "@/lib/catalog/variant-stock";
import { parsePrice } from "./price-input";

const ID = /^[a-z0-9]{1,64}$/;
const MAX_SIZES = 30;

const sizeName = z
  .string()
  .trim()
  .max(20, "Keep each size under 20 characters.")
  .regex(/^[^,]*$/, "A size cannot contain a comma.");

export const productFormSchema = z
  .object({
    title: z
      .string({ error: "Enter a title." })
      .trim()
      .min(1, "Enter a title.")
      .max(120, "Keep the title under 120 characters."),
    description: z
      .string()
      .trim()
      .max(4000, "Keep the description under 4,000 characters.")
      .default(""),
    price: z.string({ error: "Enter a price." }).transform((text, context) => {
      const minor = parsePrice(text);
      if (minor === null) {
        context.addIssue({ code: "custom", message: "Enter a price such as 12 or 12.50." });
        return z.NEVER;
      }
      return minor;
    }),
    sku: z
      .string()
      .trim()
      .max(64, "Keep the SKU under 64 characters.")
      .regex(/^[A-Za-z0-9._\-/]*$/, "A SKU has letters, digits and . _ - / only.")
      .transform((sku) => sku || null)
      .default(""),
    active: z.boolean().default(false),
    lowStockThreshold: z.coerce
      .number({ error: "Enter how few in stock counts as low: a whole number." })
      .int("Enter how few in stock counts as low: a whole number.")
      .min(0, "Enter how few in stock counts as low: 0 or more.")
      .max(100_000, "Enter how few in stock counts as low: at most 100,000."),
    /** The product's sizes as they are, each with its (possibly new) name. Edit only. */
    variants: z
      .array(z.object({ id: z.string().regex(ID, "That size no longer exists."), name: sizeName }))
      .max(MAX_SIZES)
      .default([]),
    /** Sizes to add, in order. */
    newSizes: z.array(sizeName).max(MAX_SIZES, `At most ${MAX_SIZES} sizes.`).default([]),
  })
  .transform((input) => ({ ...input, newSizes: input.newSizes.filter(Boolean) }));

export type ProductFormInput = z.input<typeof productFormSchema>;
type ProductForm = z.output<typeof productFormSchema>;

/** What the audit log keeps of a product. */
const audited = (
  product: Pick<
    Prisma.ProductGetPayload<object>,
    "title" | "priceMinor" | "sku" | "active" | "lowStockThreshold"
  >,
  sizes: string[],
) => ({
  title: product.title,
  priceMinor: product.priceMinor,
  sku: product.sku,
  active: product.active,
  lowStockThreshold: product.lowStockThreshold,
  sizes,
});

const productData = (form: ProductForm) => ({
  title: form.title,
  description: form.description,
  priceMinor: form.price,
  sku: form.sku,
  active: form.active,
  lowStockThreshold: form.lowStockThreshold,
});

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";
const SKU_TAKEN = "Another product in this store has that SKU.";

/** The form checked by productFormSchema, or its first problem as the refusal. */
function parseProductForm(
  input: ProductFormInput,
): { ok: true; form: ProductForm } | Refusal<"invalid_input"> {
  const parsed = productFormSchema.safeParse(input);
  if (!parsed.success)
    return refuse("invalid_input", parsed.error.issues[0]?.message ?? "Check the product.");
  return { ok: true, form: parsed.data };
}

/** Sizes must be distinct, and a product has either sizes or its one unnamed variant. */
function checkSizes(names: string[]): string | null {
  if (names.length > MAX_SIZES) return `At most ${MAX_SIZES} sizes.`;
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) return `The size "${name}" is listed twice.`;
    seen.add(key);
  }
  if (names.length > 1 && names.includes(""))
    return "Name every size: a product with sizes cannot also have one without a name.";
  return null;
}

export type SaveProductResult =
  | { ok: true; productId: string; audit: AuditReceipt }
  | Refusal<"invalid_input" | "not_found" | "size_in_use">;

/**
 * Adds a product to a store, with its sizes (none: one unnamed variant), each at stock 0:
 * stock only ever changes through adjustStock. Records it in the audit log.
 */
export async function createProduct(
  actor: AuditActor,
  marketplaceId: string,
  input: ProductFormInput,
  db: PrismaClient = appDb,
): Promise<SaveProductResult> {
  const parsed = parseProductForm(input);
  if (!parsed.ok) return parsed;
  const { form } = parsed;
  const sizes = form.newSizes.length ? form.newSizes : [""];
  const problem = checkSizes(sizes);
  if (problem) return refuse("invalid_input", problem);
  try {
    return await db.$transaction(async (tx) => {
      const market = await tx.marketplace.findUnique({
        where: { id: marketplaceId },
        select: { id: true },
      });
      if (!market) return refuse("not_found", "That store no longer exists.");
      const product = await tx.product.create({
        data: {
          ...productData(form),
          marketplaceId,
          variants: { create: sizes.map((name, position) => ({ name, position })) },
        },
        select: { id: true, title: true, priceMinor: true, sku: true, active: true },
      });
      const audit = await recordAudit(tx, {
        actor,
        action: "product.create",
        subject: { type: "Product", id: product.id },
        after: audited({ ...product, lowStockThreshold: form.lowStockThreshold }, sizes),
      });
      return { ok: true as const, productId: product.id, audit };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("invalid_input", SKU_TAKEN);
    throw error;
  }
}

/**
 * Changes a product's details and sizes: sizes are renamed (only while no cart or order line
 * names them, as those lines name their size by its name) and added at the end, at stock 0.
 * Stock itself is not touched here. Records the change in the audit log.
 */
export async function updateProduct(
  actor: AuditActor,
  productId: string,
  input: ProductFormInput,
  db: PrismaClient = appDb,
): Promise<SaveProductResult> {
  const parsed = parseProductForm(input);
  if (!parsed.ok) return parsed;
  const { form } = parsed;
  try {
    return await db.$transaction(async (tx) => {
      // Locked, so two saves of one product apply one after the other.
      const locked = await tx.product.updateMany({
        where: { id: productId, archivedAt: null },
        data: { updatedAt: new Date() },
      });
      if (!locked.count)
        return refuse("not_found", "That product no longer exists or is archived.");
      const before = await tx.product.findUniqueOrThrow({
        where: { id: productId },
        select: {
          title: true,
          priceMinor: true,
          sku: true,
          active: true,
          lowStockThreshold: true,
          variants: { orderBy: VARIANT_ORDER, select: { id: true, name: true, position: true } },
        },
      });
      const renames = new Map(form.variants.map((variant) => [variant.id, variant.name]));
      for (const id of renames.keys())
        if (!before.variants.some((variant) => variant.id === id))
          return refuse("invalid_input", "That size no longer exists: reload the page.");
      const kept = before.variants.map((variant) => ({
        ...variant,
        newName: renames.get(variant.id) ?? variant.name,
      }));
      // Sizes given to a product without: its unnamed variant, with its stock, becomes the first.
      const added = [...form.newSizes];
      if (kept.length === 1 && kept[0]!.newName === "" && added.length)
        kept[0]!.newName = added.shift()!;
      const names = [...kept.map((variant) => variant.newName), ...added];
      const problem = checkSizes(names);
      if (problem) return refuse("invalid_input", problem);

      const renamed = kept.filter((variant) => variant.newName !== variant.name);
      if (renamed.length) {
        const oldNames = renamed.map((variant) => variant.name);
        const [inCarts, inOrders] = await Promise.all([
          tx.cartItem.findFirst({
            where: { productId, variant: { in: oldNames } },
            select: { variant: true },
          }),
          tx.orderItem.findFirst({
            where: { productId, variant: { in: oldNames } },
            select: { variant: true },
          }),
        ]);
        const used = inCarts ?? inOrders;
        if (used)
          return refuse(
            "size_in_use",
            `The size ${used.variant ? `"${used.variant}"` : "without a name"} is in a cart or an order, so it keeps its name: add a new size instead.`,
          );
        // Through temporary names first, so that swapping two sizes' names does not collide.
        for (const variant of renamed)
          await tx.productVariant.update({
            where: { id: variant.id },
            data: { name: `\u2060rename-${variant.id}` },
          });
        for (const variant of renamed)
          await tx.productVariant.update({
            where: { id: variant.id },
            data: { name: variant.newName },
          });
      }
      const start = Math.max(-1, ...kept.map((variant) => variant.position)) + 1;
      const product = await tx.product.update({
        where: { id: productId },
        data: {
          ...productData(form),
          variants: {
            create: added.map((name, index) => ({ name, position: start + index })),
          },
        },
        select: { title: true, priceMinor: true, sku: true, active: true, lowStockThreshold: true },
      });
      const audit = await recordAudit(tx, {
        actor,
        action: "product.edit",
        subject: { type: "Product", id: productId },
        before: audited(
          before,
          before.variants.map((variant) => variant.name),
        ),
        after: audited(product, names),
      });
      return { ok: true as const, productId, audit };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("invalid_input", SKU_TAKEN);
    throw error;
  }
}
