import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProduct } from "@/lib/catalog/get-product";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedShop } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

describe("getProduct", () => {
  let database: TestDatabase;
  let queries = 0;
  // Counts every query the client sends, to show that a malformed id never reaches Postgres.
  // (An extended client has the same methods but not the same nominal type.)
  const counting = () =>
    database.db.$extends({
      query: {
        $allOperations: ({ args, query }) => {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedShop(database.db);
  });
  afterAll(() => database.drop());

  it("finds a seeded product", async () => {
    const product = await getProduct("us-organic-tee", counting());
    expect(product).toMatchObject({ title: "Organic Cotton Tee", marketplace: { code: "US" } });
  });

  it("gives each size's stock in order, and the stock of all sizes together", async () => {
    const tee = await getProduct("uk-organic-tee", counting());
    expect(tee).toMatchObject({
      stock: 45,
      sizes: [
        { name: "S", stock: 12 },
        { name: "M", stock: 15 },
        { name: "L", stock: 18 },
        { name: "XL", stock: 0 },
      ],
    });
    // A product without sizes has its one variant's stock and no sizes to choose.
    expect(await getProduct("us-stoneware-mug", counting())).toMatchObject({
      stock: 120,
      sizes: [],
    });
  });

  it("answers null for an unknown but well-formed id", async () => {
    expect(await getProduct("no-such-product", counting())).toBeNull();
  });

  it.each([
    ["a NUL byte", "us-organic-tee\0"],
    ["10,000 characters", "x".repeat(10_000)],
    ["a failed percent-decoding", "%ZZ"],
    ["upper case", "US-ORGANIC-TEE"],
  ])("answers null for %s without a query", async (_, id) => {
    queries = 0;
    expect(await getProduct(id, counting())).toBeNull();
    expect(queries).toBe(0);
  });
});
