import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedMarketplaces } from "@/lib/seed/catalog-data";
import { seedDatabase } from "@/lib/seed/seed-database";
import { adjustStock } from "@/lib/catalog/adjust-stock";
import { VARIANT_ORDER } from "@/lib/catalog/variant-stock";
import { prismaSql } from "@/lib/database/sql";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const options = { appUrl: "http://localhost:3000", adminEmail: "admin@replycart.local" };

async function snapshot(database: TestDatabase) {
  const { db } = database;
  return {
    marketplaces: await db.marketplace.findMany({ orderBy: { id: "asc" } }),
    products: await db.product.findMany({
      orderBy: { id: "asc" },
      include: { variants: { orderBy: VARIANT_ORDER } },
    }),
    history: await db.stockAdjustment.findMany({ orderBy: { seq: "asc" } }),
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("seedDatabase", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("creates both marketplaces, a dozen products each and an admin", async () => {
    await seedDatabase(database.db, options);
    const { marketplaces, products, history, users } = await snapshot(database);
    expect(marketplaces.map((m) => [m.code, m.currency, m.hashtags])).toEqual([
      ["UK", "GBP", ["addtobasket"]],
      ["US", "USD", ["addtocart"]],
    ]);
    for (const marketplace of marketplaces) {
      const own = products.filter((p) => p.marketplaceId === marketplace.id);
      expect(own).toHaveLength(12);
      expect(own.filter((p) => p.digital)).toHaveLength(1);
      expect(own.every((p) => p.priceMinor > 0)).toBe(true);
      // One product with sizes, each with its own stock; the rest have one variant, "".
      const sized = own.filter((p) => p.variants.some((variant) => variant.name !== ""));
      expect(sized.map((p) => p.variants.map((variant) => variant.name))).toEqual([
        ["S", "M", "L", "XL"],
      ]);
      for (const p of own.filter((other) => !sized.includes(other)))
        expect(p.variants.map((variant) => variant.name)).toEqual([""]);
    }
    expect(
      products
        .find((p) => p.id === "uk-organic-tee")!
        .variants.map((variant) => [variant.name, variant.stock]),
    ).toEqual([
      ["S", 12],
      ["M", 15],
      ["L", 18],
      ["XL", 0],
    ]);
    // Each variant's stock is in its history: one received row for each that has some.
    const variants = products.flatMap((p) => p.variants);
    for (const variant of variants) {
      const rows = history.filter((row) => row.variantId === variant.id);
      expect(rows.reduce((sum, row) => sum + row.delta, 0)).toBe(variant.stock);
      expect(rows.every((row) => row.reason === "RECEIVED")).toBe(true);
    }
    expect(history).toHaveLength(variants.filter((variant) => variant.stock > 0).length);
    expect(users).toEqual([expect.objectContaining({ email: options.adminEmail, role: "OWNER" })]);
  });

  it("leaves exactly the same rows when run again", async () => {
    const before = await snapshot(database);
    await seedDatabase(database.db, options);
    expect(await snapshot(database)).toEqual(before);
  });

  it("keeps a merchant's edits instead of restoring the demo values", async () => {
    const id = seedMarketplaces[0]!.products[0]!.id;
    await database.db.product.update({ where: { id }, data: { priceMinor: 123 } });
    const variant = await database.db.productVariant.findUniqueOrThrow({
      where: { productId_name: { productId: id, name: "" } },
    });
    const adjusted = await adjustStock(prismaSql(database.db), {
      variantId: variant.id,
      delta: 3 - variant.stock,
      reason: "CORRECTION",
      note: "Counted the shelf",
      actor: null,
    });
    expect(adjusted.ok).toBe(true);
    const before = await snapshot(database);
    await seedDatabase(database.db, options);
    expect(await snapshot(database)).toEqual(before);
    const product = await database.db.product.findUniqueOrThrow({
      where: { id },
      include: { variants: true },
    });
    expect([product.variants[0]!.stock, product.priceMinor]).toEqual([3, 123]);
  });
});

describe("prepareDatabase", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("seeds nothing of the demo in deployment mode: only ADMIN_EMAIL becomes the owner", async () => {
    const lines: string[] = [];
    const prepare = () =>
      prepareDatabase({
        databaseUrl: database.url,
        appUrl: "https://shop.example",
        adminEmail: "Owner@Shop.example",
        mode: "deployment",
        log: (line) => lines.push(line),
      });
    await prepare();
    await prepare();
    const { marketplaces, products, users } = await snapshot(database);
    expect(marketplaces).toEqual([]);
    expect(products).toEqual([]);
    expect(users).toEqual([
      expect.objectContaining({ email: "owner@shop.example", role: "OWNER" }),
    ]);
    expect(lines).toEqual(["ADMIN_EMAIL's account is the shop's owner."]);
  });
});
