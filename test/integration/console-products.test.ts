import { beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "@/lib/audit/record-audit";
import { listStockHistory } from "@/lib/catalog/list-stock-history";
import { adjustProductStock } from "@/lib/catalog/console/adjust-product-stock";
import { archiveProduct } from "@/lib/catalog/console/archive-product";
import { listConsoleProducts } from "@/lib/catalog/console/list-console-products";
import {
  createProduct,
  updateProduct,
  type ProductFormInput,
} from "@/lib/catalog/console/save-product";
import { getArchivedProductTitle, getProduct } from "@/lib/catalog/get-product";
import {
  createCartLine,
  createProduct as createFixtureProduct,
  seedShopWithActor,
  signedInUser,
} from "./support/fixtures";
import { pooledTestDatabase } from "./support/test-database";

// The merchant's catalog: each write goes with its audit event in one transaction, stock moves
// only through adjustments, and a size named by a cart or order line keeps its name.

const { database } = pooledTestDatabase();
const db = () => database().db;

let staff: AuditActor;
beforeAll(async () => {
  staff = await seedShopWithActor(db(), "STAFF");
});

const form = (overrides: Partial<ProductFormInput> = {}): ProductFormInput => ({
  title: "Linen shirt",
  description: "Washed linen.",
  price: "49.50",
  sku: "",
  active: true,
  lowStockThreshold: "3",
  newSizes: ["S", "M"],
  ...overrides,
});

const auditOf = (eventId: string) => db().auditEvent.findUniqueOrThrow({ where: { id: eventId } });
const counts = async () => ({
  products: await db().product.count(),
  audits: await db().auditEvent.count(),
  adjustments: await db().stockAdjustment.count(),
});

describe("creating a product", () => {
  it("stores the price in minor units, its sizes at stock 0, and an audit event", async () => {
    const result = await createProduct(staff, "us", form({ sku: "LIN-1" }), db());
    if (!result.ok) throw new Error(result.message);
    const product = await db().product.findUniqueOrThrow({
      where: { id: result.productId },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    expect(product).toMatchObject({ title: "Linen shirt", priceMinor: 4950, sku: "LIN-1" });
    expect(product.variants.map((v) => [v.name, v.stock])).toEqual([
      ["S", 0],
      ["M", 0],
    ]);
    const event = await auditOf(result.audit.eventId);
    expect(event).toMatchObject({
      actorId: staff.id,
      action: "product.create",
      subjectType: "Product",
      subjectId: result.productId,
      after: expect.objectContaining({ priceMinor: 4950, sizes: ["S", "M"] }),
    });
  });

  it("gives a product without sizes its one unnamed variant", async () => {
    const result = await createProduct(staff, "us", form({ newSizes: [] }), db());
    if (!result.ok) throw new Error(result.message);
    const variants = await db().productVariant.findMany({ where: { productId: result.productId } });
    expect(variants.map((v) => v.name)).toEqual([""]);
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    await createProduct(staff, "us", form({ sku: "DUP-1" }), db());
    const before = await counts();
    for (const [bad, message] of [
      [{ price: "12.345" }, /price/],
      [{ title: "  " }, /title/],
      [{ newSizes: ["M", "m"] }, /twice/],
      [{ sku: "DUP-1" }, /SKU/],
      [{ lowStockThreshold: "-1" }, /low/],
    ] satisfies [Partial<ProductFormInput>, RegExp][]) {
      const result = await createProduct(staff, "us", form(bad), db());
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      expect(!result.ok && result.message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("editing a product", () => {
  it("changes details, renames and adds sizes, records before and after", async () => {
    const created = await createProduct(staff, "us", form({ newSizes: ["S", "M"] }), db());
    if (!created.ok) throw new Error(created.message);
    const variants = await db().productVariant.findMany({
      where: { productId: created.productId },
      orderBy: { position: "asc" },
    });
    const result = await updateProduct(
      staff,
      created.productId,
      form({
        title: "Linen shirt II",
        price: "55",
        active: false,
        // Swapped names: the temporary names keep the unique key from colliding.
        variants: [
          { id: variants[0]!.id, name: "M" },
          { id: variants[1]!.id, name: "S" },
        ],
        newSizes: ["L"],
      }),
      db(),
    );
    if (!result.ok) throw new Error(result.message);
    const after = await db().product.findUniqueOrThrow({
      where: { id: created.productId },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    expect(after).toMatchObject({ title: "Linen shirt II", priceMinor: 5500, active: false });
    expect(after.variants.map((v) => v.name)).toEqual(["M", "S", "L"]);
    const event = await auditOf(result.audit.eventId);
    expect(event).toMatchObject({
      action: "product.edit",
      before: expect.objectContaining({ title: "Linen shirt", sizes: ["S", "M"] }),
      after: expect.objectContaining({ title: "Linen shirt II", sizes: ["M", "S", "L"] }),
    });
  });

  it("refuses renaming a size a cart line names, and changes nothing", async () => {
    const product = await createFixtureProduct(db(), {
      stock: [
        ["S", 2],
        ["M", 2],
      ],
    });
    const { user } = await signedInUser(db());
    await createCartLine(db(), user, { productId: product.id, quantity: 1, variant: "S" });
    const small = await db().productVariant.findFirstOrThrow({
      where: { productId: product.id, name: "S" },
    });
    const before = await counts();
    const result = await updateProduct(
      staff,
      product.id,
      form({ variants: [{ id: small.id, name: "Small" }], newSizes: [] }),
      db(),
    );
    expect(result).toMatchObject({ ok: false, code: "size_in_use" });
    expect(await db().productVariant.findUniqueOrThrow({ where: { id: small.id } })).toMatchObject({
      name: "S",
    });
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).title).toBe(
      product.title,
    );
    expect(await counts()).toEqual(before);
  });
});

describe("adjusting stock from the console", () => {
  it("moves one size's stock, writes its history and an audit event", async () => {
    const product = await createFixtureProduct(db(), {
      stock: [
        ["S", 0],
        ["M", 0],
      ],
    });
    const medium = await db().productVariant.findFirstOrThrow({
      where: { productId: product.id, name: "M" },
    });
    const result = await adjustProductStock(
      staff,
      product.id,
      {
        variantId: medium.id,
        delta: "12",
        reason: "RECEIVED",
        note: "Delivery 42",
      },
      db(),
    );
    if (!result.ok) throw new Error(result.message);
    expect((await db().productVariant.findUniqueOrThrow({ where: { id: medium.id } })).stock).toBe(
      12,
    );
    const history = await listStockHistory({ productId: product.id }, {}, db());
    expect(history.entries[0]).toMatchObject({
      variantName: "M",
      delta: 12,
      reason: "RECEIVED",
      note: "Delivery 42",
    });
    expect(await auditOf(result.audit.eventId)).toMatchObject({
      action: "stock.adjust",
      actorId: staff.id,
      subjectId: medium.id,
      before: { size: "M", stock: 0 },
      after: { size: "M", stock: 12, reason: "RECEIVED", note: "Delivery 42" },
    });
  });

  it("refuses going below zero, another product's size and order reasons, writing nothing", async () => {
    const product = await createFixtureProduct(db(), { stock: 2 });
    const other = await createFixtureProduct(db(), { stock: 2 });
    const [own, foreign] = await Promise.all(
      [product, other].map((p) =>
        db().productVariant.findFirstOrThrow({ where: { productId: p.id } }),
      ),
    );
    const before = await counts();
    expect(
      await adjustProductStock(
        staff,
        product.id,
        {
          variantId: own!.id,
          delta: "-3",
          reason: "DAMAGED",
        },
        db(),
      ),
    ).toMatchObject({ ok: false, code: "not_enough" });
    expect(
      await adjustProductStock(
        staff,
        product.id,
        {
          variantId: foreign!.id,
          delta: "1",
          reason: "RECEIVED",
        },
        db(),
      ),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await adjustProductStock(
        staff,
        product.id,
        {
          variantId: own!.id,
          delta: "-1",
          reason: "ORDER",
        },
        db(),
      ),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await counts()).toEqual(before);
  });
});

describe("archiving a product", () => {
  it("takes it off the storefront for good and records it", async () => {
    const product = await createFixtureProduct(db());
    expect(await getArchivedProductTitle(product.id, db())).toBeNull();
    expect(await getProduct(product.id, db())).not.toBeNull();
    const result = await archiveProduct(staff, product.id, db());
    if (!result.ok) throw new Error(result.message);
    const row = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row.active).toBe(false);
    expect(row.archivedAt).toBeInstanceOf(Date);
    expect(await getProduct(product.id, db())).toBeNull();
    // Its page says it is no longer sold, by this title.
    expect(await getArchivedProductTitle(product.id, db())).toBe(product.title);
    expect(await auditOf(result.audit.eventId)).toMatchObject({ action: "product.archive" });
    expect(await archiveProduct(staff, product.id, db())).toMatchObject({
      ok: false,
      code: "already_archived",
    });
    // Archived products cannot be edited back on sale.
    expect(await updateProduct(staff, product.id, form(), db())).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("the product list", () => {
  it("searches by title and SKU, filters, and pages by keyset", async () => {
    const made: string[] = [];
    for (const n of [1, 2, 3]) {
      const result = await createProduct(
        staff,
        "uk",
        form({ title: `Wool scarf ${n}`, sku: `SCARF-${n}`, newSizes: [] }),
        db(),
      );
      if (!result.ok) throw new Error(result.message);
      made.push(result.productId);
    }
    await adjustProductStock(
      staff,
      made[0]!,
      {
        variantId: (await db().productVariant.findFirstOrThrow({ where: { productId: made[0] } }))
          .id,
        delta: "20",
        reason: "RECEIVED",
      },
      db(),
    );
    const ids = async (filters: Parameters<typeof listConsoleProducts>[1], pageSize = 25) => {
      const page = await listConsoleProducts("uk", filters, { pageSize }, db());
      if (!page.found) throw new Error("not found");
      return { ids: page.products.map((p) => p.id), older: page.olderCursor };
    };
    expect((await ids({ q: "wool scarf" })).ids).toEqual([...made].reverse());
    expect((await ids({ q: "scarf-2" })).ids).toEqual([made[1]]);
    expect((await ids({ q: "wool", stock: "out" })).ids).toEqual([made[2], made[1]]);
    expect((await ids({ q: "wool", stock: "low" })).ids).toEqual([made[2], made[1]]);
    const first = await ids({ q: "wool" }, 2);
    expect(first).toEqual({ ids: [made[2], made[1]], older: made[1] });
    expect(await ids({ q: "wool", before: first.older! }, 2)).toEqual({
      ids: [made[0]],
      older: null,
    });
    expect(await listConsoleProducts("uk", { before: "nosuchproduct" }, {}, db())).toEqual({
      found: false,
    });
  });
});
