import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyCheckConstraints } from "@/lib/database/check-constraints";
import { databaseBeforeMigration, migrationSql } from "./support/database-before-migration";

// The migration that moved stock from the product (one number for all its sizes) to each size
// keeps every product's stock: all of it on the one variant of a product without sizes, split
// evenly over the sizes of one with, the remainder one each to the first sizes.

const MIGRATION = "20261208032536_per_variant_stock";

let client: pg.Client;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ client, close } = await databaseBeforeMigration(MIGRATION));
  // As a deployed database had it, from the CHECKs applied after each migration then.
  await client.query(
    `ALTER TABLE "Product" ADD CONSTRAINT "Product_stock_not_negative" CHECK ("stock" >= 0)`,
  );
});
afterAll(() => close?.());

// Products as the shop held them before: stock on the product, sizes as a list of names.
const PRODUCTS: [id: string, stock: number, sizes: string[] | null][] = [
  ["mug", 7, []],
  ["lamp", 0, null],
  ["tee", 50, ["S", "M", "L", "XL"]],
  ["cap", 2, ["S", "M", "L"]],
  ["sock", 9, ["M", "L", "M", ""]],
  ["scarf", 0, ["One"]],
  ["boot", 1003, ["40", "41", "42", "43", "44", "45", "46"]],
];

it("gives each size an even share of the product's stock, keeping every product's total", async () => {
  await client.query(
    `INSERT INTO "Marketplace" (id, code, name, currency, hashtags, "shopHosts")
     VALUES ('us', 'US', 'US', 'USD', '{addtocart}', '{shop.example}')`,
  );
  for (const [id, stock, sizes] of PRODUCTS)
    await client.query(
      `INSERT INTO "Product" (id, "marketplaceId", title, "priceMinor", stock, variants, "updatedAt")
       VALUES ($1, 'us', $1, 1000, $2, $3, now())`,
      [id, stock, sizes],
    );
  // A shopper's line for size M stays pointed at M: lines name their size by its name.
  await client.query(`INSERT INTO "User" (id, "updatedAt") VALUES ('u1', now())`);
  await client.query(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "updatedAt")
     VALUES ('line1', 'u1', 'tee', 'M', 2, now())`,
  );

  await client.query(migrationSql(MIGRATION));
  await applyCheckConstraints(client);

  const { rows } = await client.query<{ productId: string; name: string; stock: number }>(
    `SELECT "productId", name, stock FROM "ProductVariant" ORDER BY "productId", position`,
  );
  const variantsOf = (id: string) =>
    rows.filter((row) => row.productId === id).map((row) => [row.name, row.stock]);
  expect(variantsOf("mug")).toEqual([["", 7]]);
  expect(variantsOf("lamp")).toEqual([["", 0]]);
  expect(variantsOf("tee")).toEqual([
    ["S", 13],
    ["M", 13],
    ["L", 12],
    ["XL", 12],
  ]);
  expect(variantsOf("cap")).toEqual([
    ["S", 1],
    ["M", 1],
    ["L", 0],
  ]);
  // A size listed twice is one size, at its first place; an empty name is no size.
  expect(variantsOf("sock")).toEqual([
    ["M", 5],
    ["L", 4],
  ]);
  expect(variantsOf("scarf")).toEqual([["One", 0]]);
  expect(variantsOf("boot").map(([, stock]) => stock)).toEqual([144, 144, 143, 143, 143, 143, 143]);
  for (const [id, stock] of PRODUCTS)
    expect([id, variantsOf(id).reduce((sum, [, n]) => sum + Number(n), 0)]).toEqual([id, stock]);

  // Each variant's opening stock is its first history row, so the history adds up to it.
  const history = await client.query<{ productId: string; name: string; delta: number }>(
    `SELECT a."productId", v.name, a.delta, a.before, a.after, a.reason, a."actorId"
     FROM "StockAdjustment" a JOIN "ProductVariant" v ON v.id = a."variantId"`,
  );
  expect(history.rows).toHaveLength(rows.filter((row) => row.stock > 0).length);
  for (const row of rows.filter((variant) => variant.stock > 0))
    expect(
      history.rows.find((entry) => entry.productId === row.productId && entry.name === row.name),
    ).toMatchObject({
      delta: row.stock,
      before: 0,
      after: row.stock,
      reason: "CORRECTION",
      actorId: null,
    });

  // The old columns are gone, the line still finds its size, and stock cannot go below 0.
  const columns = await client.query(
    `SELECT column_name FROM information_schema.columns
     WHERE table_name = 'Product' AND column_name IN ('stock', 'variants')`,
  );
  expect(columns.rows).toEqual([]);
  const line = await client.query(
    `SELECT v.stock FROM "CartItem" c
     JOIN "ProductVariant" v ON v."productId" = c."productId" AND v.name = c.variant`,
  );
  expect(line.rows).toEqual([{ stock: 13 }]);
  await expect(
    client.query(`UPDATE "ProductVariant" SET stock = -1 WHERE "productId" = 'mug'`),
  ).rejects.toThrow(/ProductVariant_stock_not_negative/);
});
