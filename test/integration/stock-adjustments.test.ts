import { beforeAll, describe, expect, it } from "vitest";
import { adjustStock, type AdjustStockInput, type StockActor } from "@/lib/catalog/adjust-stock";
import { listStockHistory } from "@/lib/catalog/list-stock-history";
import { createPool } from "@/lib/database/pg-adapter";
import { inSqlTransaction, pgSql, prismaSql } from "@/lib/database/sql";
import { moveOrderStock } from "@/lib/orders/move-order-stock";
import { orderNumber } from "@/lib/orders/order-number";
import {
  checkOutAll,
  createCartLine,
  createProduct,
  seedShop,
  signedInUser,
} from "./support/fixtures";
import { pooledTestDatabase } from "./support/test-database";

// Stock changes only through adjustStock: one statement that moves a variant's stock and writes
// its history row, so concurrent changes all count and the history adds up to the stock.

const { database, pool } = pooledTestDatabase();
const db = () => database().db;

let staff: StockActor;
beforeAll(async () => {
  await seedShop(db());
  const { user } = await signedInUser(db(), "OWNER");
  staff = { id: user.id, email: user.email };
});

/** A product of the test's own with sizes S, M and L, and the variant ids by size. */
async function tee(stock: [number, number, number]) {
  const product = await createProduct(db(), {
    stock: [
      ["S", stock[0]],
      ["M", stock[1]],
      ["L", stock[2]],
    ],
  });
  const variants = await db().productVariant.findMany({ where: { productId: product.id } });
  const id = (size: string) => variants.find((variant) => variant.name === size)!.id;
  return { product, S: id("S"), M: id("M"), L: id("L") };
}

const stockOf = async (variantId: string) =>
  (await db().productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock;

const historyOf = (variantId: string) =>
  db().stockAdjustment.findMany({ where: { variantId }, orderBy: { seq: "asc" } });

const adjust = (input: AdjustStockInput, actor: StockActor = staff) =>
  adjustStock(pgSql(pool()), { ...input, actor });

describe("adjustStock", () => {
  it("loses none of 20 staff adjustments of one variant made at once", async () => {
    const { M, S } = await tee([10, 100, 10]);
    // Mixed: received, damaged and corrected, never enough taken to go below 0 in any order.
    const deltas = Array.from({ length: 20 }, (_, i) => (i % 2 ? -((i % 7) + 1) : (i % 5) + 1));
    const reasonOf = (delta: number, i: number) =>
      i % 3 === 0 ? "CORRECTION" : delta > 0 ? "RECEIVED" : "DAMAGED";
    const wide = createPool(database().url, 20);
    try {
      // Every transaction begun before any adjusts: all 20 contend for the row at once.
      let arrived = 0;
      let go!: () => void;
      const allIn = new Promise<void>((resolve) => (go = resolve));
      const results = await Promise.all(
        deltas.map((delta, i) =>
          inSqlTransaction(wide, async (sql) => {
            if (++arrived === deltas.length) go();
            await allIn;
            return adjustStock(sql, {
              variantId: M,
              delta,
              reason: reasonOf(delta, i),
              note: `Adjustment ${i}`,
              actor: staff,
            });
          }),
        ),
      );
      expect(results.every((result) => result.ok)).toBe(true);
    } finally {
      await wide.end();
    }

    const sum = deltas.reduce((total, delta) => total + delta, 0);
    expect(await stockOf(M)).toBe(100 + sum);
    expect(await stockOf(S)).toBe(10);
    // One row per adjustment, each starting where the one before it ended.
    const made = await historyOf(M);
    expect(made).toHaveLength(20);
    for (const [i, row] of made.entries()) {
      expect(row.before).toBe(i === 0 ? 100 : made[i - 1]!.after);
      expect(row.after).toBe(row.before + row.delta);
      expect(row).toMatchObject({ actorId: staff!.id, actorEmail: staff!.email, orderId: null });
    }
    expect(made[made.length - 1]!.after).toBe(100 + sum);
    expect(made.map((row) => row.delta).sort((a, b) => a - b)).toEqual(
      [...deltas].sort((a, b) => a - b),
    );
  });

  it("lets exactly as many of 20 parallel sales through as there is stock", async () => {
    const { L } = await tee([0, 0, 5]);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        adjust({ variantId: L, delta: -1, reason: "CORRECTION", note: "Sold at the market" }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array(15).fill({
        ok: false,
        code: "not_enough",
        message: "Only 0 in stock: it cannot go down by 1.",
        stock: 0,
      }),
    );
    expect(await stockOf(L)).toBe(0);
    expect((await historyOf(L)).map((row) => row.after)).toEqual([4, 3, 2, 1, 0]);
  });

  it("refuses a change below 0, and changes nothing", async () => {
    const { S } = await tee([3, 1, 1]);
    const before = { stock: await stockOf(S), history: await historyOf(S) };
    expect(await adjust({ variantId: S, delta: -4, reason: "DAMAGED", note: "Torn" })).toEqual({
      ok: false,
      code: "not_enough",
      message: "Only 3 in stock: it cannot go down by 4.",
      stock: 3,
    });
    expect({ stock: await stockOf(S), history: await historyOf(S) }).toEqual(before);
  });

  it("refuses bad input with a clear message, and changes nothing", async () => {
    const { S } = await tee([3, 1, 1]);
    const before = await db().stockAdjustment.count();
    const refusals: [Partial<AdjustStockInput>, string][] = [
      [{ delta: 0 }, "Enter a whole number from -1000000 to 1000000, not 0."],
      [{ delta: 2.5 }, "Enter a whole number from -1000000 to 1000000, not 0."],
      [{ delta: "lots" }, "Enter a whole number from -1000000 to 1000000, not 0."],
      [{ delta: 1_000_001 }, "Enter a whole number from -1000000 to 1000000, not 0."],
      [{ reason: "STOLEN" as never }, "Choose a reason."],
      [
        { delta: -2, reason: "RECEIVED" },
        "Received, returned and cancelled stock is added: enter a positive number.",
      ],
      [
        { delta: 2, reason: "DAMAGED" },
        "Damaged and ordered stock is taken away: enter a negative number.",
      ],
      [{ note: "x".repeat(501) }, "Keep the note under 500 characters."],
      [{ variantId: "S'; DROP TABLE" }, "That size no longer exists."],
    ];
    for (const [patch, message] of refusals)
      expect(
        await adjust({ variantId: S, delta: 1, reason: "CORRECTION", note: "", ...patch }),
        JSON.stringify(patch).slice(0, 80),
      ).toEqual({ ok: false, code: "invalid_input", message });
    expect(
      await adjust({ variantId: "nosuchvariant", delta: 1, reason: "RECEIVED", note: "" }),
    ).toEqual({ ok: false, code: "not_found", message: "That size no longer exists." });
    expect(await db().stockAdjustment.count()).toBe(before);
    expect(await stockOf(S)).toBe(3);
  });

  it("reads a form's text, and records what it did", async () => {
    const { M } = await tee([0, 2, 0]);
    const result = await adjust({
      variantId: M,
      delta: " +12 ",
      reason: "RECEIVED",
      note: " Box 7 ",
    });
    expect(result).toMatchObject({
      ok: true,
      adjustment: { variantId: M, delta: 12, before: 2, after: 14, reason: "RECEIVED" },
    });
    expect((await historyOf(M)).at(-1)).toMatchObject({ note: "Box 7", actorEmail: staff!.email });
  });
});

describe("an order's stock", () => {
  it("is taken at checkout and put back by a cancellation, both in the history", async () => {
    const { product, M, L } = await tee([0, 4, 6]);
    const { user } = await signedInUser(db());
    await createCartLine(db(), user, { productId: product.id, variant: "M", quantity: 3 });
    await createCartLine(db(), user, { productId: product.id, variant: "L", quantity: 1 });
    const orderId = await checkOutAll(db(), user);
    expect([await stockOf(M), await stockOf(L)]).toEqual([1, 5]);

    await db().$transaction((tx) =>
      moveOrderStock(prismaSql(tx), { orderId, reason: "CANCELLATION", actor: staff }, [
        { variantId: M, quantity: 3 },
        { variantId: L, quantity: 1 },
      ]),
    );
    expect([await stockOf(M), await stockOf(L)]).toEqual([4, 6]);

    const number = orderNumber(orderId);
    const { entries } = await listStockHistory({ productId: product.id }, {}, db());
    expect(
      entries
        .filter((entry) => entry.order)
        .map(({ variantName, delta, reason, note, order, actor }) => ({
          variantName,
          delta,
          reason,
          note,
          order,
          actor: actor?.id,
        }))
        .sort(
          (a, b) => a.reason.localeCompare(b.reason) || a.variantName.localeCompare(b.variantName),
        ),
    ).toEqual([
      {
        ...{
          variantName: "L",
          delta: 1,
          reason: "CANCELLATION",
          note: `Order ${number} cancelled`,
        },
        ...{ order: { id: orderId, number }, actor: staff!.id },
      },
      {
        ...{
          variantName: "M",
          delta: 3,
          reason: "CANCELLATION",
          note: `Order ${number} cancelled`,
        },
        ...{ order: { id: orderId, number }, actor: staff!.id },
      },
      {
        ...{ variantName: "L", delta: -1, reason: "ORDER", note: `Order ${number}` },
        ...{ order: { id: orderId, number }, actor: user.id },
      },
      {
        ...{ variantName: "M", delta: -3, reason: "ORDER", note: `Order ${number}` },
        ...{ order: { id: orderId, number }, actor: user.id },
      },
    ]);
  });
});

describe("listStockHistory", () => {
  it("pages a variant's or a product's changes, newest first", async () => {
    const { product, S, M } = await tee([0, 0, 0]);
    for (let i = 1; i <= 5; i++)
      await adjust({ variantId: i % 2 ? S : M, delta: i, reason: "RECEIVED", note: `#${i}` });

    const first = await listStockHistory({ productId: product.id }, { limit: 2 }, db());
    expect(first.entries.map((entry) => [entry.note, entry.variantName])).toEqual([
      ["#5", "S"],
      ["#4", "M"],
    ]);
    const second = await listStockHistory(
      { productId: product.id },
      { limit: 2, before: first.nextCursor! },
      db(),
    );
    expect(second.entries.map((entry) => entry.note)).toEqual(["#3", "#2"]);
    const last = await listStockHistory(
      { productId: product.id },
      { limit: 2, before: second.nextCursor! },
      db(),
    );
    expect(last).toMatchObject({ entries: [{ note: "#1" }], nextCursor: null });

    const ofS = await listStockHistory({ variantId: S }, {}, db());
    expect(ofS.entries.map((entry) => [entry.note, entry.before, entry.after])).toEqual([
      ["#5", 4, 9],
      ["#3", 1, 4],
      ["#1", 0, 1],
    ]);
    expect(ofS.entries[0]!.actor).toEqual({ id: staff!.id, email: staff!.email });
  });
});
