import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addProductToCart } from "@/lib/cart/add-product-to-cart";
import { addToCartLine } from "@/lib/cart/add-to-cart-line";
import { getCart } from "@/lib/cart/get-cart";
import { removeCartLine } from "@/lib/cart/remove-cart-line";
import { setCartQuantity } from "@/lib/cart/set-cart-quantity";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { addReplyToCart } from "@/lib/replies/pending/add-reply-to-cart";
import { prismaSql } from "@/lib/database/sql";
import { withdrawReply } from "@/lib/replies/process/withdraw-reply";
import {
  createAddedReplyRow,
  createProduct,
  createReplyRow,
  nextTweetId,
  seedShop,
  setStock,
  signedInUser,
} from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

/** A refusal with this message, whatever its code (the codes are asserted where they matter). */
const refused = (message: unknown) => ({ ok: false, code: expect.any(String), message });

// The cart page's data and the shopper's changes to it (the website's add, the stepper, remove),
// on real Postgres through the functions the page and its actions call.

let database: TestDatabase;
const db = () => database.db;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedShop(db());
});
afterAll(() => database?.drop());

const shopper = async () => (await signedInUser(db())).user;
const product = (data: Parameters<typeof createProduct>[1] = {}) => createProduct(db(), data);

/** A reply of the shopper's that the pipeline added to their cart, as processReply does it. */
async function replyAdd(
  user: User,
  add: { productId: string; variant?: string; quantity: number },
  event: Partial<Prisma.TweetEventUncheckedCreateInput> = {},
) {
  const tweetId = nextTweetId();
  const row = await createAddedReplyRow(db(), user, add, {
    tweetId,
    latestTweetId: `${tweetId}9`,
    authorUsername: "alice",
    text: "@replycart #addtocart",
    ...event,
  });
  const added = await db().$transaction((tx) =>
    addReplyToCart(prismaSql(tx), {
      userId: user.id,
      productId: add.productId,
      variant: add.variant ?? "",
      quantity: add.quantity,
      tweetId,
    }),
  );
  expect(added).toBe(add.quantity);
  return row;
}

const linesOf = (user: User) =>
  db().cartItem.findMany({
    where: { userId: user.id },
    orderBy: { id: "asc" },
    select: { id: true, productId: true, variant: true, quantity: true, addedPriceMinor: true },
  });

describe("getCart", () => {
  it("groups lines by marketplace, each with its own currency and subtotal, and no one else's", async () => {
    const alice = await shopper();
    const bob = await shopper();
    await addProductToCart(
      alice.id,
      { productId: "us-organic-tee", variant: "M", quantity: 2 },
      db(),
    );
    await addProductToCart(alice.id, { productId: "uk-tea-mug", quantity: 3 }, db());
    await addProductToCart(alice.id, { productId: "us-stoneware-mug", quantity: 1 }, db());
    await addProductToCart(bob.id, { productId: "us-stoneware-mug", quantity: 5 }, db());

    const cart = await getCart(alice.id, {}, db());
    expect(cart.groups.map((group) => group.marketplace)).toEqual([
      { code: "UK", name: "United Kingdom", currency: "GBP", cartWord: "basket" },
      { code: "US", name: "United States", currency: "USD", cartWord: "cart" },
    ]);
    const [uk, us] = cart.groups;
    expect(uk!.lines.map((line) => [line.productId, line.quantity])).toEqual([["uk-tea-mug", 3]]);
    expect(uk!.subtotalMinor).toBe(3 * 1400);
    expect(us!.lines.map((line) => [line.productId, line.variant, line.quantity])).toEqual([
      ["us-organic-tee", "M", 2],
      ["us-stoneware-mug", "", 1],
    ]);
    expect(us!.subtotalMinor).toBe(2 * 2800 + 1800);
    expect(us!.lines[0]).toMatchObject({ unitPriceMinor: 2800, lineTotalMinor: 5600 });
    expect(cart.itemCount).toBe(6);
    // Pounds and dollars are never added up.
    expect(cart).not.toHaveProperty("subtotalMinor");
    expect(cart).not.toHaveProperty("totalMinor");

    expect(await getCart((await shopper()).id, {}, db())).toEqual({
      groups: [],
      itemCount: 0,
      withdrawals: [],
    });
  });

  it("tells which replies added a line and how many were added on the website", async () => {
    const carol = await shopper();
    const postedAt = new Date("2025-11-03T14:02:00Z");
    const first = await replyAdd(
      carol,
      { productId: "us-organic-tee", variant: "L", quantity: 2 },
      {
        postedAt,
      },
    );
    const second = await replyAdd(
      carol,
      { productId: "us-organic-tee", variant: "L", quantity: 1 },
      {
        postedAt: null,
        authorUsername: null,
      },
    );
    await addProductToCart(
      carol.id,
      { productId: "us-organic-tee", variant: "L", quantity: 4 },
      db(),
    );
    // X told us the second reply is gone, but its withdrawal has not run (yet).
    await db().tweetEvent.update({
      where: { tweetId: second.tweetId },
      data: { deletedAt: new Date() },
    });
    await addProductToCart(carol.id, { productId: "us-field-notes", quantity: 1 }, db());

    const [tee, notes] = (await getCart(carol.id, {}, db())).groups[0]!.lines;
    expect(tee!.quantity).toBe(7);
    expect(tee!.sources).toEqual([
      {
        tweetId: first.tweetId,
        quantity: 2,
        repliedAt: postedAt,
        latestTweetId: first.latestTweetId,
        authorUsername: "alice",
        deleted: false,
      },
      {
        tweetId: second.tweetId,
        quantity: 1,
        repliedAt: second.receivedAt,
        latestTweetId: second.latestTweetId,
        authorUsername: null,
        deleted: true,
      },
    ]);
    expect(tee!.websiteQuantity).toBe(4);
    expect(notes).toMatchObject({ sources: [], websiteQuantity: 1 });
  });

  it("counts nothing as added on the website after the shopper lowers a reply's line", async () => {
    const dana = await shopper();
    await replyAdd(dana, { productId: "us-stoneware-mug", quantity: 3 });
    const [line] = await linesOf(dana);
    await setCartQuantity(dana.id, { lineId: line!.id, quantity: 1 }, db());
    const [seen] = (await getCart(dana.id, {}, db())).groups[0]!.lines;
    expect(seen).toMatchObject({ quantity: 1, websiteQuantity: 0 });
    expect(seen!.sources).toHaveLength(1);
  });

  it("flags changed prices, missing stock and products no longer sold", async () => {
    const erin = await shopper();
    const repriced = await product({ priceMinor: 2000 });
    const oldLine = await product({ priceMinor: 900 });
    const soldOut = await product();
    const short = await product({ stock: 8 });
    const retired = await product({ stock: 50 });
    const fine = await product({ stock: 3 });
    for (const [item, quantity] of [
      [repriced, 1],
      [soldOut, 2],
      [short, 5],
      [retired, 1],
      [fine, 3],
    ] as const)
      expect(await addProductToCart(erin.id, { productId: item.id, quantity }, db())).toMatchObject(
        { ok: true },
      );
    // A line from before prices were recorded.
    await db().cartItem.create({
      data: { userId: erin.id, productId: oldLine.id, quantity: 1 },
    });
    await db().product.update({ where: { id: repriced.id }, data: { priceMinor: 2500 } });
    await setStock(db(), soldOut.id, 0);
    await setStock(db(), short.id, 2);
    await db().product.update({ where: { id: retired.id }, data: { active: false } });

    const [group] = (await getCart(erin.id, {}, db())).groups;
    const byId = new Map(group!.lines.map((line) => [line.productId, line]));
    expect(byId.get(repriced.id)).toMatchObject({
      unitPriceMinor: 2500,
      priceChangedFrom: 2000,
      outOfStock: false,
      shortBy: 0,
    });
    expect(byId.get(oldLine.id)).toMatchObject({ unitPriceMinor: 900, priceChangedFrom: null });
    expect(byId.get(soldOut.id)).toMatchObject({ outOfStock: true, stock: 0, shortBy: 2 });
    expect(byId.get(short.id)).toMatchObject({ outOfStock: false, stock: 2, shortBy: 3 });
    expect(byId.get(retired.id)).toMatchObject({ outOfStock: true, active: false });
    expect(byId.get(fine.id)).toMatchObject({
      outOfStock: false,
      shortBy: 0,
      priceChangedFrom: null,
    });
    expect(group!.needsAttention).toBe(true);
    // Subtotals are at today's prices.
    expect(group!.subtotalMinor).toBe(2500 + 900 + 2 * 2000 + 5 * 2000 + 2000 + 3 * 2000);

    await removeCartLine(erin.id, { lineId: byId.get(soldOut.id)!.id }, db());
    await removeCartLine(erin.id, { lineId: byId.get(short.id)!.id }, db());
    await removeCartLine(erin.id, { lineId: byId.get(retired.id)!.id }, db());
    expect((await getCart(erin.id, {}, db())).groups[0]!.needsAttention).toBe(false);
  });

  it("judges each size of a product by its own stock", async () => {
    const fay = await shopper();
    const tee = await product({
      stock: [
        ["S", 3],
        ["M", 2],
        ["L", 5],
      ],
    });
    for (const [variant, quantity] of [
      ["S", 2],
      ["M", 2],
      ["L", 4],
    ] as const)
      expect(
        await addProductToCart(fay.id, { productId: tee.id, variant, quantity }, db()),
      ).toMatchObject({ ok: true, added: quantity });
    await setStock(db(), tee.id, 1, "S");
    await setStock(db(), tee.id, 0, "M");

    const [group] = (await getCart(fay.id, {}, db())).groups;
    const bySize = new Map(group!.lines.map((line) => [line.variant, line]));
    expect(bySize.get("S")).toMatchObject({ outOfStock: false, stock: 1, shortBy: 1 });
    expect(bySize.get("M")).toMatchObject({ outOfStock: true, stock: 0, shortBy: 2 });
    // L's 5 are its own: S and M selling out takes none of them.
    expect(bySize.get("L")).toMatchObject({ outOfStock: false, stock: 5, shortBy: 0 });
    expect(group!.needsAttention).toBe(true);
  });

  it("takes a deleted reply's share out of a line, never another reply's", async () => {
    const hana = await shopper();
    const mug = await product();
    const first = await replyAdd(hana, { productId: mug.id, quantity: 2 });
    const second = await replyAdd(hana, { productId: mug.id, quantity: 2 });
    const [line] = (await getCart(hana.id, {}, db())).groups[0]!.lines;
    // The shopper lowered the line below what the two replies added.
    expect(await setCartQuantity(hana.id, { lineId: line!.id, quantity: 2 }, db())).toMatchObject({
      ok: true,
    });

    await withdrawReply(db(), first.tweetId);

    const [after] = (await getCart(hana.id, {}, db())).groups[0]!.lines;
    expect(after).toMatchObject({ quantity: 2 });
    expect(after!.sources.map((source) => source.tweetId)).toEqual([second.tweetId]);
    await withdrawReply(db(), second.tweetId);
    expect((await getCart(hana.id, {}, db())).groups).toEqual([]);
  });

  it("lists the replies deleted on X in the last 7 days whose items left the cart", async () => {
    const finn = await shopper();
    const gail = await shopper();
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const deleteOnX = async (user: User, productId: string, quantity: number, when: Date) => {
      const event = await replyAdd(user, { productId, quantity });
      await db().tweetEvent.update({ where: { id: event.id }, data: { deletedAt: when } });
      await withdrawReply(db(), event.tweetId);
      return event;
    };
    const recent = await deleteOnX(finn, "us-daypack", 2, daysAgo(1));
    await deleteOnX(finn, "us-desk-plant", 1, daysAgo(8));
    await deleteOnX(gail, "us-daypack", 1, daysAgo(1));
    // A reply deleted after its add was already gone is no withdrawal.
    await createReplyRow(db(), {
      latestTweetId: "1",
      authorXId: "finn-x",
      outcome: "OUT_OF_STOCK",
      userId: finn.id,
      deletedAt: daysAgo(1),
    });

    const cart = await getCart(finn.id, { now }, db());
    expect(cart.groups).toEqual([]);
    expect(cart.withdrawals).toEqual([
      {
        tweetId: recent.tweetId,
        productId: "us-daypack",
        productTitle: "City Daypack",
        quantity: 2,
        withdrawnAt: daysAgo(1),
      },
    ]);
  });
});

describe("setCartQuantity", () => {
  it("sets a line's quantity from 1 to 10, from a number or a form's text", async () => {
    const hank = await shopper();
    await addProductToCart(hank.id, { productId: "us-stoneware-mug", quantity: 2 }, db());
    const [line] = await linesOf(hank);
    expect(await setCartQuantity(hank.id, { lineId: line!.id, quantity: 10 }, db())).toEqual({
      ok: true,
      quantity: 10,
    });
    expect((await linesOf(hank))[0]!.quantity).toBe(10);
    expect(await setCartQuantity(hank.id, { lineId: line!.id, quantity: " 1 " }, db())).toEqual({
      ok: true,
      quantity: 1,
    });
    expect((await linesOf(hank))[0]!.quantity).toBe(1);
  });

  it.each([0, 11, -1, 2.5, "2.5", "abc", "", "9".repeat(5_000), null, undefined, Number.NaN])(
    "refuses the quantity %j and changes nothing",
    async (quantity) => {
      const ivy = await shopper();
      await addProductToCart(ivy.id, { productId: "us-stoneware-mug", quantity: 3 }, db());
      const before = await linesOf(ivy);
      const result = await setCartQuantity(ivy.id, { lineId: before[0]!.id, quantity }, db());
      expect(result).toEqual(refused("Choose a quantity from 1 to 10."));
      expect(await linesOf(ivy)).toEqual(before);
    },
  );
});

describe("another shopper's line, or one that is gone", () => {
  it("is neither changed nor removed", async () => {
    const jane = await shopper();
    const mallory = await shopper();
    await addProductToCart(jane.id, { productId: "us-stoneware-mug", quantity: 2 }, db());
    const before = await linesOf(jane);
    const lineId = before[0]!.id;

    const gone = refused(expect.stringMatching(/no longer in your cart/));
    expect(await setCartQuantity(mallory.id, { lineId, quantity: 9 }, db())).toEqual(gone);
    expect(await removeCartLine(mallory.id, { lineId }, db())).toEqual(gone);
    expect(await linesOf(jane)).toEqual(before);
    expect(await linesOf(mallory)).toEqual([]);

    expect(await removeCartLine(jane.id, { lineId }, db())).toEqual({ ok: true });
    expect(await linesOf(jane)).toEqual([]);
    expect(await removeCartLine(jane.id, { lineId }, db())).toEqual(gone);
    expect(await setCartQuantity(jane.id, { lineId, quantity: 2 }, db())).toEqual(gone);
  });

  it.each(["", "x".repeat(10_000), "../etc", "LINE-1", 42, null])(
    "refuses the line id %j",
    async (lineId) => {
      const kim = await shopper();
      expect(await setCartQuantity(kim.id, { lineId, quantity: 2 }, db())).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
      expect(await removeCartLine(kim.id, { lineId }, db())).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
    },
  );

  it("removing a line removes its reply sources with it", async () => {
    const lee = await shopper();
    const event = await replyAdd(lee, { productId: "us-stoneware-mug", quantity: 1 });
    const [line] = await linesOf(lee);
    expect(await removeCartLine(lee.id, { lineId: line!.id }, db())).toEqual({ ok: true });
    expect(await db().cartItemSource.findUnique({ where: { tweetId: event.tweetId } })).toBeNull();
  });
});

describe("addProductToCart", () => {
  it("creates a line that remembers today's price", async () => {
    const max = await shopper();
    const result = await addProductToCart(
      max.id,
      { productId: "uk-organic-tee", variant: "S", quantity: "2" },
      db(),
    );
    const lines = await linesOf(max);
    expect(lines).toEqual([
      {
        id: expect.any(String),
        productId: "uk-organic-tee",
        variant: "S",
        quantity: 2,
        addedPriceMinor: 2400,
      },
    ]);
    expect(result).toEqual({
      ok: true,
      lineId: lines[0]!.id,
      added: 2,
      quantity: 2,
      limitedBy: null,
      cartWord: "basket",
    });
  });

  it("never puts more in a line than the stock, and says it holds all there is", async () => {
    const omar = await shopper();
    const add = (quantity: number) =>
      addProductToCart(omar.id, { productId: "us-stoneware-mug", variant: "", quantity }, db());
    await setStock(db(), "us-stoneware-mug", 5);
    try {
      expect(await add(2)).toMatchObject({ ok: true, added: 2, quantity: 2, limitedBy: null });
      expect(await add(8)).toMatchObject({ ok: true, added: 3, quantity: 5, limitedBy: "stock" });
      expect(await add(1)).toEqual(refused("Your cart already holds all we have of it (5)."));
      expect(await linesOf(omar)).toEqual([expect.objectContaining({ quantity: 5 })]);
    } finally {
      await setStock(db(), "us-stoneware-mug", 120);
    }
  });

  it("refuses a sold-out size, naming those in stock, and fills a line to its size's stock", async () => {
    const gus = await shopper();
    const tee = await product({
      stock: [
        ["S", 0],
        ["M", 2],
        ["L", 0],
      ],
    });
    const add = (variant: string, quantity = 1) =>
      addProductToCart(gus.id, { productId: tee.id, variant, quantity }, db());
    expect(await add("S")).toEqual({
      ok: false,
      code: "out_of_stock",
      message: "Size S is sold out right now. Size M is in stock.",
    });
    expect(await add("M", 5)).toMatchObject({
      ok: true,
      added: 2,
      quantity: 2,
      limitedBy: "stock",
    });
    expect(await add("M")).toEqual(
      refused("Your cart already holds all we have of it in size M (2)."),
    );
    await setStock(db(), tee.id, 4, "L");
    expect(await add("S")).toEqual(refused("Size S is sold out right now. In stock: M, L."));
    expect(await linesOf(gus)).toEqual([expect.objectContaining({ variant: "M", quantity: 2 })]);
  });

  it("raises an existing line, stops at 10 and says how many went in", async () => {
    const nina = await shopper();
    const add = (quantity: number) =>
      addProductToCart(nina.id, { productId: "us-organic-tee", variant: "XL", quantity }, db());
    expect(await add(4)).toMatchObject({ ok: true, added: 4, quantity: 4, limitedBy: null });
    // The line keeps the price of its first add.
    await db().product.update({ where: { id: "us-organic-tee" }, data: { priceMinor: 3000 } });
    expect(await add(3)).toMatchObject({ ok: true, added: 3, quantity: 7, limitedBy: null });
    expect(await add(5)).toMatchObject({ ok: true, added: 3, quantity: 10, limitedBy: "line" });
    expect(await add(1)).toEqual(
      refused("Your cart already holds 10 of this product, the most one line can."),
    );
    expect(await linesOf(nina)).toEqual([
      expect.objectContaining({ variant: "XL", quantity: 10, addedPriceMinor: 2800 }),
    ]);
    await db().product.update({ where: { id: "us-organic-tee" }, data: { priceMinor: 2800 } });
  });

  it("keeps sizes apart, and needs one of the product's sizes when it has any", async () => {
    const olga = await shopper();
    const add = (input: Record<string, unknown>) =>
      addProductToCart(olga.id, { quantity: 1, ...input }, db());
    expect(await add({ productId: "us-organic-tee" })).toEqual(refused("Choose a size."));
    expect(await add({ productId: "us-organic-tee", variant: "  " })).toEqual(
      refused("Choose a size."),
    );
    expect(await add({ productId: "us-organic-tee", variant: "XXL" })).toEqual(
      refused("There is no size XXL. Choose S, M, L, XL."),
    );
    expect(await add({ productId: "us-organic-tee", variant: "m".repeat(500) })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await add({ productId: "us-stoneware-mug", variant: "M" })).toEqual(
      refused("This product comes in one size only."),
    );
    expect(await linesOf(olga)).toEqual([]);

    await add({ productId: "us-organic-tee", variant: "S" });
    await add({ productId: "us-organic-tee", variant: "M" });
    expect((await linesOf(olga)).map((line) => line.variant).sort()).toEqual(["M", "S"]);
  });

  it("refuses products that are not sold or out of stock, and adds digital ones", async () => {
    const pat = await shopper();
    const soldOut = await product({ stock: 0 });
    const retired = await product({ active: false });
    const add = (productId: unknown, quantity: unknown = 1) =>
      addProductToCart(pat.id, { productId, quantity }, db());

    expect(await add(soldOut.id)).toEqual(
      refused("It's out of stock, so it can't go in your cart right now."),
    );
    expect(await add(retired.id)).toEqual(refused("This product is no longer sold."));
    expect(await add("no-such-product")).toEqual(refused("This product is no longer sold."));
    expect(await add("x".repeat(10_000))).toEqual(refused("This product is no longer sold."));
    expect(await add(undefined)).toEqual(refused("This product is no longer sold."));
    for (const quantity of [0, 11, 1.5, "lots"])
      expect(await add("us-stoneware-mug", quantity)).toEqual(
        refused("Choose a quantity from 1 to 10."),
      );
    expect(await linesOf(pat)).toEqual([]);

    expect(await add("us-gift-card", 2)).toMatchObject({ ok: true, added: 2 });
    expect(await linesOf(pat)).toEqual([
      expect.objectContaining({ productId: "us-gift-card", quantity: 2 }),
    ]);
  });

  it("ends with one line of at most 10 when 20 adds of one product race", async () => {
    const quinn = await shopper();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        addProductToCart(quinn.id, { productId: "us-field-notes", quantity: 1 }, db()),
      ),
    );
    const lines = await linesOf(quinn);
    expect(lines).toEqual([expect.objectContaining({ productId: "us-field-notes", quantity: 10 })]);
    const added = results.map((result) => (result.ok ? result.added : 0));
    expect(added.reduce((sum, count) => sum + count, 0)).toBe(10);
    expect(results.filter((result) => result.ok === false)).toHaveLength(10);
  });
});

describe("the cart line statement", () => {
  it("adds nothing, and says so, for a product that is not in the catalog", async () => {
    const rosa = await shopper();
    const result = await db().$transaction((tx) =>
      addToCartLine(
        prismaSql(tx),
        { userId: rosa.id, productId: "no-such-product", variant: "" },
        2,
        "1960000000000000999",
      ),
    );
    expect(result).toEqual({ added: 0, lineId: null, quantity: 0, limitedBy: "stock" });
    expect(await linesOf(rosa)).toEqual([]);
    expect(await db().cartItemSource.count({ where: { tweetId: "1960000000000000999" } })).toBe(0);
  });

  it("adds nothing for a size the product does not have", async () => {
    const sam = await shopper();
    const result = await db().$transaction((tx) =>
      addToCartLine(
        prismaSql(tx),
        { userId: sam.id, productId: "us-organic-tee", variant: "XXL" },
        2,
      ),
    );
    expect(result).toEqual({ added: 0, lineId: null, quantity: 0, limitedBy: "stock" });
    expect(await linesOf(sam)).toEqual([]);
  });
});
