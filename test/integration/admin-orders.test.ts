import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/lib/generated/prisma/client";
import { getAdminOrder } from "@/lib/orders/get-admin-order";
import { listAdminOrders, type AdminOrderFilters } from "@/lib/orders/list-admin-orders";
import { listOrders } from "@/lib/orders/list-orders";
import { orderNumber } from "@/lib/orders/order-number";
import { ordersCsv } from "@/lib/orders/orders-csv";
import { transitionOrder } from "@/lib/orders/transition-order";
import { configureAppEnvironment } from "./support/app-environment";
import {
  checkOutAll,
  createCartLine,
  createProduct,
  seedShop,
  signedInUser,
} from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The console's order list, order page and CSV export, and the shopper's order pages, on real
// Postgres: filters, search, keyset pages, and where each order came from.

let database: TestDatabase;
const db = () => database.db;
beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  await seedShop(db());
});
afterAll(async () => {
  await database?.drop();
});

/** An order of `user`'s, its lines from a reply, the website, or one of each. */
async function order(user: User, channel: "reply" | "website" | "both") {
  const product = await createProduct(db());
  await createCartLine(db(), user, {
    productId: product.id,
    quantity: 1,
    byReply: channel !== "website",
  });
  if (channel === "both") {
    const other = await createProduct(db());
    await createCartLine(db(), user, { productId: other.id, quantity: 2 });
  }
  return checkOutAll(db(), user);
}

const list = (filters: AdminOrderFilters & { before?: string }, pageSize = 25) =>
  listAdminOrders(filters, { db: db(), pageSize });

const ids = async (filters: AdminOrderFilters & { before?: string }) => {
  const page = await list(filters);
  if (!page.found) throw new Error("page not found");
  return page.orders.map((row) => row.id);
};

describe("the console's order list", () => {
  it("says how each order came, and finds it by number, email and X handle", async () => {
    const { user } = await signedInUser(db());
    const replyOrder = await order(user, "reply");
    const webOrder = await order(user, "website");
    const bothOrder = await order(user, "both");
    await db().account.create({
      data: {
        userId: user.id,
        type: "oauth",
        provider: "twitter",
        providerAccountId: `x-${user.id}`,
        username: "AdaOnX",
      },
    });

    const page = await list({ q: user.email! });
    if (!page.found) throw new Error("page not found");
    expect(page.orders.map((row) => [row.id, row.channel, row.itemCount])).toEqual([
      [bothOrder, "both", 3],
      [webOrder, "website", 1],
      [replyOrder, "reply", 1],
    ]);
    expect(page.orders[0]).toMatchObject({ store: "US", currency: "USD", status: "CONFIRMED" });

    expect(await ids({ q: `#${orderNumber(webOrder)}` })).toEqual([webOrder]);
    expect(await ids({ q: orderNumber(webOrder).toLowerCase() })).toEqual([webOrder]);
    expect(await ids({ q: "@adaonx" })).toEqual([bothOrder, webOrder, replyOrder]);
    expect(await ids({ q: user.email!.toUpperCase().slice(0, 8) })).toEqual(
      expect.arrayContaining([bothOrder, webOrder, replyOrder]),
    );
    expect(await ids({ q: "nobody-like-this@example.test" })).toEqual([]);
    // Wildcards in a search are text, not patterns.
    expect(await ids({ q: "%" })).toEqual([]);
  });

  it("filters by store, status and whole UTC days", async () => {
    const { user } = await signedInUser(db());
    const shipped = await order(user, "website");
    const confirmed = await order(user, "website");
    const staff = { id: user.id, email: user.email };
    await transitionOrder(db(), staff, {
      action: "ship",
      orderId: shipped,
      carrier: null,
      trackingNumber: null,
    });
    await db().order.update({
      where: { id: confirmed },
      data: { createdAt: new Date("2026-01-15T23:59:59.999Z") },
    });

    const mine = { q: user.email! };
    expect(await ids({ ...mine, status: "SHIPPED" })).toEqual([shipped]);
    expect(await ids({ ...mine, status: "CONFIRMED" })).toEqual([confirmed]);
    expect(await ids({ ...mine, store: "UK" })).toEqual([]);
    expect(await ids({ ...mine, store: "US" })).toEqual([shipped, confirmed]);
    expect(await ids({ ...mine, from: "2026-01-15", to: "2026-01-15" })).toEqual([confirmed]);
    expect(await ids({ ...mine, from: "2026-01-16", to: "2026-01-16" })).toEqual([]);
    expect(await ids({ ...mine, to: "2026-01-14" })).toEqual([]);
  });

  it("pages by keyset without repeating or skipping an order, also when orders share a time", async () => {
    const { user } = await signedInUser(db());
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) placed.push(await order(user, "website"));
    // Two orders of the same millisecond: the id breaks the tie.
    const same = new Date();
    await db().order.updateMany({
      where: { id: { in: placed.slice(1, 3) } },
      data: { createdAt: same },
    });

    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await list({ q: user.email!, before }, 2);
      if (!page.found) throw new Error("page not found");
      seen.push(...page.orders.map((row) => row.id));
      if (!page.olderCursor) break;
      before = page.olderCursor;
    }
    expect([...seen].sort()).toEqual([...placed].sort());
    expect(new Set(seen).size).toBe(5);
    expect(await list({ before: "no-such-order" })).toEqual({ found: false });
  });
});

describe("the console's order page", () => {
  it("shows each line's replies, the email's state and the timeline", async () => {
    const { user } = await signedInUser(db());
    const orderId = await order(user, "both");
    const reply = await db().cartItemSource.findFirstOrThrow({
      where: { orderItem: { orderId } },
    });
    await db().tweetEvent.update({
      where: { tweetId: reply.tweetId },
      data: { text: "#addtocart please", authorUsername: "ada" },
    });
    const detail = await getAdminOrder(orderId, db());
    expect(detail!.lines.map((line) => line.replies.map((source) => source.text))).toEqual([
      ["#addtocart please"],
      [],
    ]);
    expect(detail!.lines[0]!.replies[0]).toMatchObject({ authorUsername: "ada", deleted: false });
    expect(detail!.emailSentAt).toBeNull();
    expect(detail!.events.map((event) => event.kind)).toEqual(["PLACED"]);
    expect(await getAdminOrder("../etc", db())).toBeNull();
    expect(await getAdminOrder("nosuchorder", db())).toBeNull();
  });
});

describe("the CSV export", () => {
  it("streams the filtered list in batches, every order once, formulas neutralised", async () => {
    const { user } = await signedInUser(db());
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) placed.push(await order(user, "website"));
    const staff = { id: user.id, email: user.email };
    await transitionOrder(db(), staff, {
      action: "ship",
      orderId: placed[0]!,
      carrier: "=cmd|' /C calc'!A0",
      trackingNumber: "-1",
    });

    const chunks: string[] = [];
    for await (const chunk of ordersCsv({ q: user.email! }, { db: db(), batch: 2 }))
      chunks.push(chunk);
    // The header, then three batches of 2, 2 and 1.
    expect(chunks).toHaveLength(4);
    const lines = chunks.join("").trimEnd().split("\r\n");
    expect(lines).toHaveLength(6);
    const numbers = lines.slice(1).map((line) => line.split(",")[0]);
    expect(numbers.sort()).toEqual(placed.map(orderNumber).sort());
    const shippedLine = lines.find((line) => line.startsWith(orderNumber(placed[0]!)))!;
    expect(shippedLine).toContain(`,Shipped,Website,'=cmd|' /C calc'!A0,'-1`);
    expect(shippedLine).toContain(`,${user.email},,1,20.00,USD,`);
  });
});

describe("the shopper's orders", () => {
  it("come in keyset pages of their own orders only", async () => {
    const { user } = await signedInUser(db());
    const { user: other } = await signedInUser(db());
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) placed.push(await order(user, "website"));
    const otherOrder = await order(other, "website");

    const first = await listOrders(user.id, { pageSize: 2 }, db());
    if (!first.found) throw new Error("page not found");
    expect(first.orders.map((row) => row.id)).toEqual([placed[2], placed[1]]);
    const second = await listOrders(user.id, { pageSize: 2, before: first.olderCursor! }, db());
    expect(second).toMatchObject({ found: true, orders: [{ id: placed[0] }], olderCursor: null });
    expect(await listOrders(user.id, { before: otherOrder }, db())).toEqual({ found: false });
  });
});
