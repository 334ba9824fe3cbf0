import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { lockCarts } from "@/lib/cart/lock-cart";
import { orderNumber } from "@/lib/orders/order-number";
import { confirmCheckout, type ConfirmResult } from "@/lib/checkout/confirm-checkout";
import { getCheckoutReview } from "@/lib/checkout/get-checkout-review";
import type { User } from "@/lib/generated/prisma/client";
import { getOrder } from "@/lib/orders/get-order";
import { listOrders } from "@/lib/orders/list-orders";
import { withdrawReply } from "@/lib/replies/process/withdraw-reply";
import {
  createCartLine,
  reviewedCart,
  seedShop,
  setStock,
  signedInUser,
  stockOf as stockOfVariant,
} from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { prismaSql } from "@/lib/database/sql";

// Checkout against real Postgres through the functions the checkout page's action calls: one
// order per review, however often it is confirmed; each size's stock and prices re-checked under
// row locks.

let database: TestDatabase;
const db = () => database.db;
const TEE = "us-organic-tee"; // $28.00, sizes
const MUG = "us-stoneware-mug"; // $18.00
const UK_TEE = "uk-organic-tee";
const US_ADDRESS = {
  fullName: "Ada Lovelace",
  line1: "1 Market St",
  line2: "Apt 4",
  city: "San Francisco",
  region: "CA",
  postalCode: "94107",
};

/** A cart line, optionally added by a reply (with its inbox row and source). */
const addLine = (
  user: User,
  productId: string,
  quantity: number,
  { variant = "", byReply = false } = {},
) => createCartLine(db(), user, { productId, quantity, variant, byReply });

/** What the checkout page renders for the shopper: the form's fields, with a fresh key. */
async function reviewForm(user: User, marketplace = "US", address: object = US_ADDRESS) {
  return { ...(await reviewedCart(db(), user.id, marketplace)), ...address } as Record<
    string,
    unknown
  >;
}

const confirm = (user: User, input: unknown) => confirmCheckout({ userId: user.id, input }, db());

/** A size's stock ("" for a product without sizes). */
const stockOf = (productId: string, size = "") => stockOfVariant(db(), productId, size);

async function snapshot(user: User) {
  return {
    lines: await db().cartItem.findMany({
      where: { userId: user.id },
      orderBy: { id: "asc" },
      select: { id: true, quantity: true, productId: true },
    }),
    orders: await db().order.count({ where: { userId: user.id } }),
    stock: await db().productVariant.findMany({ orderBy: { id: "asc" }, select: { stock: true } }),
    history: await db().stockAdjustment.count(),
  };
}

/** A saved address written directly, as rows saved under older rules were. */
async function saveAddress(user: User, code: string, address: typeof US_ADDRESS) {
  const { id: marketplaceId } = await db().marketplace.findUniqueOrThrow({ where: { code } });
  await db().shippingAddress.create({ data: { userId: user.id, marketplaceId, ...address } });
}

const savedRowOf = (user: User, code: string) =>
  db().shippingAddress.findFirst({ where: { userId: user.id, marketplace: { code } } });

const orderEmailJobs = async (orderId: string) =>
  (
    await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'order-email' AND data->>'orderId' = ${orderId}`
  )[0]!.n;

let alice: User;
let bob: User;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedShop(db());
});
afterAll(() => database?.drop());
beforeEach(async () => {
  alice = (await signedInUser(db())).user;
  bob = (await signedInUser(db())).user;
  await db().productVariant.updateMany({ data: { stock: 50 } });
});

describe("confirmCheckout", () => {
  it("orders the reviewed lines of one store, once, and keeps where they came from", async () => {
    const { tweetId } = await addLine(alice, TEE, 2, { variant: "M", byReply: true });
    await addLine(alice, MUG, 1);
    const { line: ukLine } = await addLine(alice, UK_TEE, 1, { variant: "L" });

    const result = await confirm(alice, await reviewForm(alice));
    expect(result).toMatchObject({ ok: true, replayed: false });
    const orderId = (result as { orderId: string }).orderId;

    const order = await getOrder(alice.id, orderId, db());
    expect(order).toMatchObject({
      status: "CONFIRMED",
      currency: "USD",
      totalMinor: 2 * 2800 + 1800,
      shippingAddress: { ...US_ADDRESS, country: "United States" },
    });
    expect(
      order!.items.map(({ title, variant, quantity, unitPriceMinor, fromReplies }) => ({
        title,
        variant,
        quantity,
        unitPriceMinor,
        fromReplies,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          title: "Organic Cotton Tee",
          variant: "M",
          quantity: 2,
          unitPriceMinor: 2800,
          fromReplies: 2,
        },
        { title: "Stoneware Mug", variant: "", quantity: 1, unitPriceMinor: 1800, fromReplies: 0 },
      ]),
    );
    expect(await stockOf(TEE, "M")).toBe(48);
    expect(await stockOf(TEE, "L")).toBe(50);
    expect(await stockOf(MUG)).toBe(49);
    // Each size's decrement is in its history, naming the order and the shopper.
    expect(
      await db().stockAdjustment.findMany({
        where: { orderId },
        orderBy: { delta: "asc" },
        select: {
          variant: { select: { productId: true, name: true } },
          delta: true,
          before: true,
          after: true,
          reason: true,
          actorId: true,
          note: true,
        },
      }),
    ).toEqual([
      {
        variant: { productId: TEE, name: "M" },
        ...{ delta: -2, before: 50, after: 48, reason: "ORDER", actorId: alice.id },
        note: `Order ${orderNumber(orderId)}`,
      },
      {
        variant: { productId: MUG, name: "" },
        ...{ delta: -1, before: 50, after: 49, reason: "ORDER", actorId: alice.id },
        note: `Order ${orderNumber(orderId)}`,
      },
    ]);
    // The UK line waits for its own checkout; the US lines are gone.
    expect((await snapshot(alice)).lines.map((line) => line.id)).toEqual([ukLine.id]);
    // The reply that added the tee now points at the order line.
    const source = await db().cartItemSource.findUniqueOrThrow({ where: { tweetId: tweetId! } });
    expect(source).toMatchObject({ cartItemId: null, orderItemId: expect.any(String) });
    expect(await orderEmailJobs(orderId)).toBe(1n);
    // The address is offered next time.
    expect((await getCheckoutReview(alice.id, "US", db()))!.savedAddress).toEqual({
      values: US_ADDRESS,
      fieldErrors: {},
    });
    expect(await listOrders(alice.id, {}, db())).toMatchObject({
      orders: [{ id: orderId }],
      olderCursor: null,
    });
  });

  it("gives 100 parallel confirmations of one review one order, the same for all", async () => {
    await addLine(alice, TEE, 3, { variant: "S" });
    const form = await reviewForm(alice);

    const results = await Promise.all(Array.from({ length: 100 }, () => confirm(alice, form)));

    const ids = new Set(results.map((result) => (result as { orderId?: string }).orderId));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
    expect(await db().order.count({ where: { userId: alice.id } })).toBe(1);
    expect(await stockOf(TEE, "S")).toBe(47);
    expect(await db().stockAdjustment.count({ where: { orderId: [...ids][0]! } })).toBe(1);
    expect(await orderEmailJobs([...ids][0]!)).toBe(1n);
  });

  it("refuses the same key with a different cart, clearly, and orders nothing more", async () => {
    await addLine(alice, MUG, 1);
    const first = await reviewForm(alice);
    const placed = await confirm(alice, first);
    expect(placed.ok).toBe(true);

    await addLine(alice, TEE, 1, { variant: "M" });
    const second = await reviewForm(alice);
    const before = await snapshot(alice);
    const reused = await confirm(alice, { ...second, idempotencyKey: first.idempotencyKey });

    expect(reused).toMatchObject({
      ok: false,
      code: "key_reused",
      orderId: (placed as { orderId: string }).orderId,
      message: expect.stringMatching(/already placed an order/),
    });
    expect(await snapshot(alice)).toEqual(before);
  });

  it("tells the second tab of a double confirm that its lines went into the first tab's order", async () => {
    const { line } = await addLine(alice, MUG, 2);
    // Two tabs reviewed the same cart: two pages, two keys.
    const firstTab = await reviewForm(alice);
    const secondTab = await reviewForm(alice);
    const placed = await confirm(alice, firstTab);
    expect(placed.ok).toBe(true);
    const orderId = (placed as { orderId: string }).orderId;

    const late = await confirm(alice, secondTab);

    expect(late).toEqual({
      ok: false,
      code: "changed",
      message: expect.any(String),
      changes: [
        {
          lineId: line.id,
          message: `Stoneware Mug is no longer in your cart: you ordered it in order ${orderNumber(orderId)}, from another tab or window.`,
          order: { id: orderId, number: orderNumber(orderId) },
        },
      ],
    });
    expect(await db().order.count({ where: { userId: alice.id } })).toBe(1);
  });

  it("sells the last one exactly once when two shoppers confirm 50 times each", async () => {
    await setStock(db(), MUG, 1);
    await addLine(alice, MUG, 1);
    await addLine(bob, MUG, 1);
    const forms = [
      { user: alice, form: await reviewForm(alice) },
      { user: bob, form: await reviewForm(bob) },
    ];

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => forms[i % 2]!).map(({ user, form }) =>
        confirm(user, form),
      ),
    );

    const orders = await db().order.findMany({ where: { userId: { in: [alice.id, bob.id] } } });
    expect(orders).toHaveLength(1);
    expect(await stockOf(MUG)).toBe(0);
    const winner = orders[0]!.userId;
    const losing = results.filter((_, i) => forms[i % 2]!.user.id !== winner);
    expect(losing).toHaveLength(50);
    for (const result of losing)
      expect(result).toEqual({
        ok: false,
        code: "changed",
        message: expect.any(String),
        changes: [{ lineId: expect.any(String), message: "Stoneware Mug has just sold out." }],
      });
    // The loser's line stays, for them to see it is sold out.
    const loser = winner === alice.id ? bob : alice;
    expect((await snapshot(loser)).lines).toHaveLength(1);
  });

  it("orders nothing when the price changed after the review, and the review shows it", async () => {
    const { line } = await addLine(alice, TEE, 1, { variant: "L" });
    const form = await reviewForm(alice);
    await db().product.update({ where: { id: TEE }, data: { priceMinor: 3200 } });
    const before = await snapshot(alice);

    const result = await confirm(alice, form);

    expect(result).toEqual({
      ok: false,
      code: "changed",
      message: expect.any(String),
      changes: [
        {
          lineId: line.id,
          message:
            "Organic Cotton Tee (size L) now costs $32.00 (it was $28.00 when you reviewed).",
        },
      ],
    });
    expect(await snapshot(alice)).toEqual(before);
    const review = await getCheckoutReview(alice.id, "US", db());
    expect(review!.lines[0]).toMatchObject({ unitPriceMinor: 3200 });
    expect(review!.totalMinor).toBe(3200);
    await db().product.update({ where: { id: TEE }, data: { priceMinor: 2800 } });
  });

  it("orders nothing when a line was added, changed or removed after the review", async () => {
    const { line: tee } = await addLine(alice, TEE, 1, { variant: "M" });
    const { line: mug } = await addLine(alice, MUG, 2);
    const form = await reviewForm(alice);
    await db().cartItem.update({ where: { id: tee.id }, data: { quantity: 4 } });
    await db().cartItem.delete({ where: { id: mug.id } });
    const { line: notes } = await addLine(alice, "us-field-notes", 1, { byReply: true });

    const result = (await confirm(alice, form)) as Extract<
      ConfirmResult,
      { ok: false; code: "changed" }
    >;

    expect(result.code).toBe("changed");
    expect(result.changes).toEqual(
      expect.arrayContaining([
        {
          lineId: tee.id,
          message: "You now have 4 of Organic Cotton Tee (size M) in your cart (you reviewed 1).",
        },
        { lineId: mug.id, message: "Stoneware Mug is no longer in your cart." },
        {
          lineId: notes.id,
          message: expect.stringMatching(/was added to your cart after you reviewed/),
        },
      ]),
    );
    expect(result.changes).toHaveLength(3);
    expect(await db().order.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("refuses quantities outside 1-10 and malformed reviews, changing nothing", async () => {
    const { line } = await addLine(alice, MUG, 1);
    const form = await reviewForm(alice);
    const before = await snapshot(alice);
    const edited = (patch: object) => ({
      ...form,
      reviewed: JSON.stringify([
        { lineId: line.id, productId: MUG, quantity: 1, unitPriceMinor: 1800, ...patch },
      ]),
    });

    for (const input of [
      edited({ quantity: 11 }),
      edited({ quantity: 0 }),
      edited({ quantity: 2.5 }),
      edited({ quantity: "1" }),
      edited({ unitPriceMinor: -1 }),
      { ...form, reviewed: "[" },
      { ...form, reviewed: "[]" },
      { ...form, idempotencyKey: "not-a-uuid" },
      { ...form, marketplace: "FR" },
      { ...form, reviewed: "x".repeat(200_000) },
      null,
      "garbage",
    ])
      expect(await confirm(alice, input)).toMatchObject({
        ok: false,
        code: "bad_request",
      });
    expect(await snapshot(alice)).toEqual(before);
  });

  it("refuses a line of another shopper, changing neither cart", async () => {
    const { line: bobsLine } = await addLine(bob, TEE, 2, { variant: "S" });
    await addLine(alice, MUG, 1);
    const form = await reviewForm(alice);
    const reviewed = JSON.parse(form.reviewed as string);
    const withBobs = {
      ...form,
      reviewed: JSON.stringify([
        ...reviewed,
        { lineId: bobsLine.id, productId: TEE, quantity: 2, unitPriceMinor: 2800 },
      ]),
    };
    const before = [await snapshot(alice), await snapshot(bob)];

    const result = await confirm(alice, withBobs);

    expect(result).toEqual({
      ok: false,
      code: "changed",
      message: expect.any(String),
      changes: [{ lineId: bobsLine.id, message: "Organic Cotton Tee is no longer in your cart." }],
    });
    expect([await snapshot(alice), await snapshot(bob)]).toEqual(before);
  });

  it("names each wrong address field and orders nothing", async () => {
    await addLine(alice, MUG, 1);
    const form = await reviewForm(alice, "US", {
      ...US_ADDRESS,
      fullName: "",
      postalCode: "SW1A 1AA",
    });
    const before = await snapshot(alice);

    expect(await confirm(alice, form)).toEqual({
      ok: false,
      code: "invalid_address",
      message: expect.any(String),
      fieldErrors: {
        fullName: "Enter your full name.",
        postalCode: "Enter a ZIP code like 94107.",
      },
    });
    expect(await snapshot(alice)).toEqual(before);
  });

  it("refuses a US state that does not exist, changing nothing, saved address included", async () => {
    await addLine(alice, MUG, 1);
    await saveAddress(alice, "US", US_ADDRESS);
    const form = await reviewForm(alice, "US", { ...US_ADDRESS, region: "ZZ", line1: "2 Elm St" });
    const before = { ...(await snapshot(alice)), saved: await savedRowOf(alice, "US") };

    expect(await confirm(alice, form)).toEqual({
      ok: false,
      code: "invalid_address",
      message: expect.any(String),
      fieldErrors: { region: "Enter a US state, like CA or New York." },
    });
    expect({ ...(await snapshot(alice)), saved: await savedRowOf(alice, "US") }).toEqual(before);
    expect(before.saved).toMatchObject(US_ADDRESS);
  });

  it("stores a state typed by name as its code", async () => {
    await addLine(alice, MUG, 1);
    const address = { ...US_ADDRESS, region: "district of columbia", postalCode: "200011234" };

    const result = await confirm(alice, await reviewForm(alice, "US", address));

    const order = await getOrder(alice.id, (result as { orderId: string }).orderId, db());
    const stored = { ...US_ADDRESS, region: "DC", postalCode: "20001-1234" };
    expect(order!.shippingAddress).toEqual({ ...stored, country: "United States" });
    expect(await savedRowOf(alice, "US")).toMatchObject(stored);
  });

  it("checks out the UK store in pounds to a UK address, its postcode normalised", async () => {
    await addLine(alice, UK_TEE, 2, { variant: "M" });
    const result = await confirm(
      alice,
      await reviewForm(alice, "UK", {
        fullName: "Alan Turing",
        line1: "10 Downing St",
        city: "London",
        postalCode: "sw1a2aa",
      }),
    );
    const order = await getOrder(alice.id, (result as { orderId: string }).orderId, db());
    expect(order).toMatchObject({
      currency: "GBP",
      shippingAddress: { postalCode: "SW1A 2AA", region: "", country: "United Kingdom" },
      marketplace: { code: "UK" },
    });
    expect(await savedRowOf(alice, "UK")).toMatchObject({ postalCode: "SW1A 2AA", region: "" });
  });

  it("keeps an ordered reply in its order when the reply is deleted afterwards", async () => {
    const { tweetId } = await addLine(alice, TEE, 1, { variant: "M", byReply: true });
    const result = await confirm(alice, await reviewForm(alice));
    const orderId = (result as { orderId: string }).orderId;

    await withdrawReply(db(), tweetId!);

    const order = await getOrder(alice.id, orderId, db());
    expect(order!.items[0]).toMatchObject({ quantity: 1, fromReplies: 1 });
    expect(await db().tweetEvent.findUniqueOrThrow({ where: { tweetId: tweetId! } })).toMatchObject(
      { outcome: "ADDED" },
    );
  });
  it("judges each size against its own stock", async () => {
    await setStock(db(), TEE, 2, "M");
    await setStock(db(), TEE, 5, "L");
    await addLine(alice, TEE, 3, { variant: "M" });
    await addLine(alice, TEE, 3, { variant: "L" });

    const review = await getCheckoutReview(alice.id, "US", db());
    expect(review!.lines.map((line) => [line.variant, line.stock, line.problem])).toEqual([
      ["M", 2, "short"],
      ["L", 5, null],
    ]);
    const before = await snapshot(alice);
    expect(await confirm(alice, await reviewForm(alice))).toEqual({
      ok: false,
      code: "changed",
      message: expect.any(String),
      changes: [
        {
          lineId: expect.any(String),
          message:
            "Only 2 of Organic Cotton Tee (size M) left: lower the quantity in your cart to order it.",
        },
      ],
    });
    expect(await snapshot(alice)).toEqual(before);

    await setStock(db(), TEE, 3, "M");
    expect(await confirm(alice, await reviewForm(alice))).toMatchObject({ ok: true });
    expect([await stockOf(TEE, "M"), await stockOf(TEE, "L")]).toEqual([0, 2]);
  });

  it("sells the last M exactly once to two shoppers confirming 50 times each, while L stays", async () => {
    await setStock(db(), TEE, 1, "M");
    await setStock(db(), TEE, 5, "L");
    for (const shopper of [alice, bob]) {
      await addLine(shopper, TEE, 1, { variant: "M" });
      await addLine(shopper, TEE, 1, { variant: "L" });
    }
    const forms = [
      { user: alice, form: await reviewForm(alice) },
      { user: bob, form: await reviewForm(bob) },
    ];
    const historyBefore = await db().stockAdjustment.count();

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => forms[i % 2]!).map(({ user, form }) =>
        confirm(user, form),
      ),
    );

    const orders = await db().order.findMany({
      where: { userId: { in: [alice.id, bob.id] } },
      include: { items: { select: { variant: true, quantity: true } } },
    });
    expect(orders).toHaveLength(1);
    const [order] = orders;
    expect(order!.items.map((item) => item.variant).sort()).toEqual(["L", "M"]);
    expect([await stockOf(TEE, "M"), await stockOf(TEE, "L")]).toEqual([0, 4]);
    const winning = results.filter((_, i) => forms[i % 2]!.user.id === order!.userId);
    expect(winning.every((result) => result.ok && result.orderId === order!.id)).toBe(true);
    // The loser is told only that M sold out: their L can still be had.
    const losing = results.filter((_, i) => forms[i % 2]!.user.id !== order!.userId);
    expect(losing).toHaveLength(50);
    for (const result of losing)
      expect(result).toEqual({
        ok: false,
        code: "changed",
        message: expect.any(String),
        changes: [
          { lineId: expect.any(String), message: "Organic Cotton Tee (size M) has just sold out." },
        ],
      });
    // One history row per size sold, none for the refused confirmations.
    expect((await db().stockAdjustment.count()) - historyBefore).toBe(2);
    const history = await db().stockAdjustment.findMany({
      where: { orderId: order!.id },
      select: { variant: { select: { name: true } }, before: true, after: true, orderId: true },
    });
    expect(history).toEqual(
      expect.arrayContaining([
        { variant: { name: "M" }, before: 1, after: 0, orderId: order!.id },
        { variant: { name: "L" }, before: 5, after: 4, orderId: order!.id },
      ]),
    );

    // The loser drops the sold-out M and orders the L.
    const loser = order!.userId === alice.id ? bob : alice;
    await db().cartItem.deleteMany({ where: { userId: loser.id, variant: "M" } });
    expect(await confirm(loser, await reviewForm(loser))).toMatchObject({ ok: true });
    expect([await stockOf(TEE, "M"), await stockOf(TEE, "L")]).toEqual([0, 3]);
  });

  it("orders nothing of a product that stopped being sold after the review", async () => {
    await addLine(alice, MUG, 1);
    const form = await reviewForm(alice);
    await db().product.update({ where: { id: MUG }, data: { active: false } });
    try {
      expect(await confirm(alice, form)).toEqual({
        ok: false,
        code: "changed",
        message: expect.any(String),
        changes: [{ lineId: expect.any(String), message: "Stoneware Mug is no longer sold." }],
      });
      expect(await db().order.count({ where: { userId: alice.id } })).toBe(0);
    } finally {
      await db().product.update({ where: { id: MUG }, data: { active: true } });
    }
  });

  it("answers a replay after the cart changed with the first order, ordering nothing new", async () => {
    await addLine(alice, MUG, 1);
    const form = await reviewForm(alice);
    const first = await confirm(alice, form);
    await addLine(alice, TEE, 2, { variant: "M" });

    const again = await confirm(alice, form);

    expect(again).toEqual({ ...first, replayed: true });
    expect(await db().order.count({ where: { userId: alice.id } })).toBe(1);
    expect((await snapshot(alice)).lines).toHaveLength(1);
  });

  it("confirms shoppers whose carts share products, in any order, without deadlock", async () => {
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const shopper = (await signedInUser(db())).user;
        // Half add the tee first, half the mug: the rows are locked in one order regardless.
        for (const productId of i % 2 ? [TEE, MUG] : [MUG, TEE])
          await addLine(shopper, productId, 1, { variant: productId === TEE ? "S" : "" });
        return { shopper, form: await reviewForm(shopper) };
      }),
    );

    const results = await Promise.all(pairs.map(({ shopper, form }) => confirm(shopper, form)));

    expect(results.map((result) => result.ok)).toEqual(Array(10).fill(true));
    expect(await stockOf(TEE, "S")).toBe(40);
    expect(await stockOf(MUG)).toBe(40);
  });

  it("says the cart is busy, and orders nothing, when its lock is held too long", async () => {
    await addLine(alice, MUG, 1);
    const form = await reviewForm(alice);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db().$transaction(
      async (tx) => {
        await lockCarts(prismaSql(tx), [alice.id]);
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await lockTaken;

    const result = await confirm(alice, form);
    release();
    await holder;

    expect(result).toMatchObject({ ok: false, code: "busy" });
    expect(await db().order.count({ where: { userId: alice.id } })).toBe(0);
    expect(await confirm(alice, form)).toMatchObject({ ok: true });
  });

  it("withdraws a deleted reply or orders it, never both, when the two race", async () => {
    for (let round = 0; round < 10; round += 1) {
      const shopper = (await signedInUser(db())).user;
      const { tweetId } = await addLine(shopper, MUG, 1, { byReply: true });
      const form = await reviewForm(shopper);

      const [result] = await Promise.all([confirm(shopper, form), withdrawReply(db(), tweetId!)]);

      const event = await db().tweetEvent.findUniqueOrThrow({ where: { tweetId: tweetId! } });
      const orders = await db().order.count({ where: { userId: shopper.id } });
      if (result.ok) {
        expect(orders).toBe(1);
        expect(event.outcome).toBe("ADDED");
      } else {
        expect(result).toMatchObject({ ok: false, code: "changed" });
        expect(orders).toBe(0);
        expect(event.outcome).toBe("WITHDRAWN");
      }
      expect((await snapshot(shopper)).lines).toHaveLength(0);
    }
  });
});

describe("getCheckoutReview's saved address", () => {
  it("marks the fields of a saved address that today's rules refuse", async () => {
    await saveAddress(alice, "US", { ...US_ADDRESS, region: "ZZ", postalCode: "941071234" });

    const review = await getCheckoutReview(alice.id, "US", db());

    expect(review!.savedAddress).toEqual({
      // Prefilled as saved, where it fails; normalised, where it passes.
      values: { ...US_ADDRESS, region: "ZZ", postalCode: "94107-1234" },
      fieldErrors: { region: "Enter a US state, like CA or New York." },
    });
  });

  it("prefills a saved address that passes once normalised, unmarked", async () => {
    const saved = { fullName: "Alan Turing", line1: "10 Downing St", line2: "", city: "London" };
    await saveAddress(alice, "UK", { ...saved, region: "", postalCode: "sw1a2aa" });
    await saveAddress(bob, "US", { ...US_ADDRESS, region: "california" });

    expect((await getCheckoutReview(alice.id, "UK", db()))!.savedAddress).toEqual({
      values: { ...saved, region: "", postalCode: "SW1A 2AA" },
      fieldErrors: {},
    });
    expect((await getCheckoutReview(bob.id, "US", db()))!.savedAddress).toEqual({
      values: { ...US_ADDRESS, region: "CA" },
      fieldErrors: {},
    });
    expect((await getCheckoutReview(alice.id, "US", db()))!.savedAddress).toBeNull();
  });
});

describe("getOrder", () => {
  it("shows an order to its owner only, and nothing for made-up ids", async () => {
    await addLine(alice, MUG, 1);
    const { orderId } = (await confirm(alice, await reviewForm(alice))) as { orderId: string };

    expect(await getOrder(alice.id, orderId, db())).not.toBeNull();
    expect(await getOrder(bob.id, orderId, db())).toBeNull();
    for (const id of ["", "x".repeat(10_000), "../admin", `${orderId}'--`])
      expect(await getOrder(alice.id, id, db())).toBeNull();
    expect(await listOrders(bob.id, {}, db())).toMatchObject({ found: true, orders: [] });
    // Alice's order is no cursor into Bob's list.
    expect(await listOrders(bob.id, { before: orderId }, db())).toEqual({ found: false });
  });
});
