import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedMarketplaces } from "@/lib/seed/catalog-data";
import { seedDatabase } from "@/lib/seed/seed-database";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const options = { appUrl: "http://localhost:3000", adminEmail: "admin@replycart.local" };

async function snapshot(database: TestDatabase) {
  const { db } = database;
  return {
    marketplaces: await db.marketplace.findMany({ orderBy: { id: "asc" } }),
    products: await db.product.findMany({ orderBy: { id: "asc" } }),
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
    const { marketplaces, products, users } = await snapshot(database);
    expect(marketplaces.map((m) => [m.code, m.currency, m.hashtags])).toEqual([
      ["UK", "GBP", ["addtobasket"]],
      ["US", "USD", ["addtocart"]],
    ]);
    for (const marketplace of marketplaces) {
      const own = products.filter((p) => p.marketplaceId === marketplace.id);
      expect(own).toHaveLength(12);
      expect(own.filter((p) => p.digital)).toHaveLength(1);
      expect(own.filter((p) => p.variants.length > 0)).toHaveLength(1);
      expect(own.every((p) => p.priceMinor > 0)).toBe(true);
    }
    expect(users).toEqual([expect.objectContaining({ email: options.adminEmail, role: "OWNER" })]);
  });

  it("leaves exactly the same rows when run again", async () => {
    const before = await snapshot(database);
    await seedDatabase(database.db, options);
    expect(await snapshot(database)).toEqual(before);
  });

  it("keeps a merchant's edits instead of restoring the demo values", async () => {
    const id = seedMarketplaces[0]!.products[0]!.id;
    await database.db.product.update({ where: { id }, data: { stock: 3, priceMinor: 123 } });
    await seedDatabase(database.db, options);
    const product = await database.db.product.findUniqueOrThrow({ where: { id } });
    expect([product.stock, product.priceMinor]).toEqual([3, 123]);
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
