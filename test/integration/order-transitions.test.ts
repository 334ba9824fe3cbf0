import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { User } from "@/lib/generated/prisma/client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { SEND_ORDER_EMAIL } from "@/lib/jobs/queues";
import { orderNumber } from "@/lib/orders/order-number";
import { sendOrderEventEmail } from "@/lib/orders/send-order-event-email";
import {
  addOrderNote,
  transitionOrder,
  transitionOrderSchema,
} from "@/lib/orders/transition-order";
import { parseEnv } from "@/lib/env";
import { startWorkers } from "@/lib/worker/start-workers";
import { configureAppEnvironment } from "./support/app-environment";
import {
  checkOutAll,
  createCartLine,
  createProduct,
  seedShop,
  signedInUser,
  stockOf,
} from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

type TransitionOrderInput = z.input<typeof transitionOrderSchema>;

// The order's life in the console on real Postgres: the transition table enforced, one winner
// among staff acting at once, a cancellation's restock done once, and every write audited,
// timelined and emailed once.

let database: TestDatabase;
let staff: AuditActor;
beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  await seedShop(db());
  const { user } = await signedInUser(db(), "STAFF");
  staff = { id: user.id, email: user.email };
});
afterAll(async () => {
  await database?.drop();
});

const db = () => database.db;

/** A shopper's order of 2 of size M (5 in stock before), placed through checkout. */
async function placeOrder() {
  const product = await createProduct(db(), { stock: [["M", 5]] });
  const { user } = await signedInUser(db());
  await createCartLine(db(), user, {
    productId: product.id,
    quantity: 2,
    variant: "M",
    byReply: true,
  });
  const orderId = await checkOutAll(db(), user);
  return { orderId, productId: product.id, shopper: user as User };
}

/** As the console's form does: the input through its schema, then the transition. */
const run = (input: TransitionOrderInput) =>
  transitionOrder(db(), staff, transitionOrderSchema.parse(input));

/** Everything a refused transition must leave as it was. */
async function snapshot(orderId: string) {
  return {
    order: await db().order.findUniqueOrThrow({ where: { id: orderId } }),
    events: await db().orderEvent.count({ where: { orderId } }),
    audits: await db().auditEvent.count({ where: { subjectId: orderId } }),
    jobs: (await jobsFor(orderId)).length,
  };
}

const jobsFor = (orderId: string) =>
  db().$queryRaw<{ eventId: string | null }[]>`
    SELECT data->>'eventId' AS "eventId" FROM pgboss.job
    WHERE name = ${SEND_ORDER_EMAIL} AND data->>'orderId' = ${orderId}`;

describe("order transitions", () => {
  it("starts the timeline with the order's placing", async () => {
    const { orderId, shopper } = await placeOrder();
    const events = await db().orderEvent.findMany({ where: { orderId } });
    expect(events).toMatchObject([{ kind: "PLACED", actorId: shopper.id }]);
  });

  it("ships with a carrier and tracking number, audited, timelined and queued for email", async () => {
    const { orderId } = await placeOrder();
    const result = await run({
      action: "ship",
      orderId,
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
    });
    expect(result.ok).toBe(true);
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({
      status: "SHIPPED",
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
    });
    expect(order.shippedAt).not.toBeNull();

    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: orderId } });
    expect(audit).toMatchObject({
      action: "order.ship",
      actorId: staff.id,
      actorEmail: staff.email,
      subjectType: "order",
      before: { status: "CONFIRMED" },
      after: { status: "SHIPPED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" },
    });
    const event = await db().orderEvent.findFirstOrThrow({ where: { orderId, kind: "SHIPPED" } });
    expect(event).toMatchObject({ actorId: staff.id, emailClaimedAt: null });
    expect((await jobsFor(orderId)).map((job) => job.eventId)).toContain(event.id);

    expect((await run({ action: "deliver", orderId })).ok).toBe(true);
    const delivered = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(delivered.status).toBe("DELIVERED");
    expect(
      await db().auditEvent.count({ where: { subjectId: orderId, action: "order.deliver" } }),
    ).toBe(1);
  });

  it("refuses each illegal transition with a message, changing nothing", async () => {
    const confirmed = (await placeOrder()).orderId;
    const before = await snapshot(confirmed);
    expect(await run({ action: "deliver", orderId: confirmed })).toMatchObject({
      ok: false,
      message: "Ship this order before marking it delivered.",
    });
    expect(await snapshot(confirmed)).toEqual(before);

    const cancelled = (await placeOrder()).orderId;
    expect((await run({ action: "cancel", orderId: cancelled, reason: "Asked by phone" })).ok).toBe(
      true,
    );
    const afterCancel = await snapshot(cancelled);
    for (const [input, message] of [
      [{ action: "ship", orderId: cancelled }, "A cancelled order cannot be shipped."],
      [{ action: "deliver", orderId: cancelled }, "A cancelled order cannot be delivered."],
      [
        { action: "cancel", orderId: cancelled, reason: "again" },
        "This order is already cancelled.",
      ],
    ] as const)
      expect(await run(input)).toMatchObject({ ok: false, code: "refused", message });
    expect(await snapshot(cancelled)).toEqual(afterCancel);

    const delivered = (await placeOrder()).orderId;
    await run({ action: "ship", orderId: delivered });
    await run({ action: "deliver", orderId: delivered });
    const afterDelivery = await snapshot(delivered);
    for (const [input, message] of [
      [
        { action: "cancel", orderId: delivered, reason: "late" },
        "A delivered order cannot be cancelled.",
      ],
      [{ action: "ship", orderId: delivered }, "This order has already been delivered."],
      [{ action: "deliver", orderId: delivered }, "This order has already been delivered."],
    ] as const)
      expect(await run(input)).toMatchObject({ ok: false, message });
    expect(await snapshot(delivered)).toEqual(afterDelivery);

    const shipped = (await placeOrder()).orderId;
    await run({ action: "ship", orderId: shipped });
    expect(await run({ action: "cancel", orderId: shipped, reason: "x" })).toMatchObject({
      ok: false,
      message: "This order has shipped: it can no longer be cancelled.",
    });

    expect(await run({ action: "ship", orderId: "nosuchorder" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("ships once when 10 staff ship the same order at once", async () => {
    const { orderId } = await placeOrder();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        run({ action: "ship", orderId, trackingNumber: `TRACK-${i}` }),
      ),
    );
    const won = results.filter((result) => result.ok);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((result) => !result.ok))
      expect(lost).toMatchObject({ message: "This order has already shipped." });
    expect(await db().orderEvent.count({ where: { orderId, kind: "SHIPPED" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { subjectId: orderId } })).toBe(1);
    expect((await jobsFor(orderId)).filter((job) => job.eventId)).toHaveLength(1);
    // The order carries the winner's tracking number, the one its event and audit name.
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    const event = await db().orderEvent.findFirstOrThrow({ where: { orderId, kind: "SHIPPED" } });
    expect(event.data).toEqual({ carrier: null, trackingNumber: order.trackingNumber });
  });

  it("restocks a cancelled order exactly once, however many cancel it at once", async () => {
    const { orderId, productId } = await placeOrder();
    expect(await stockOf(db(), productId, "M")).toBe(3);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => run({ action: "cancel", orderId, reason: "Out of time" })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await stockOf(db(), productId, "M")).toBe(5);
    const history = await db().stockAdjustment.findMany({
      where: { orderId, reason: "CANCELLATION" },
    });
    expect(history).toMatchObject([
      { delta: 2, note: `Order ${orderNumber(orderId)} cancelled`, actorId: staff.id },
    ]);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Out of time",
    });
    expect(
      await db().auditEvent.findMany({ where: { subjectId: orderId }, select: { action: true } }),
    ).toEqual([{ action: "order.cancel" }]);
  });

  it("adds a note to the timeline, audited, and refuses an empty one", async () => {
    const { orderId } = await placeOrder();
    expect((await addOrderNote(db(), staff, { orderId, text: "Gift wrap" })).ok).toBe(true);
    expect(
      await db().orderEvent.findFirstOrThrow({ where: { orderId, kind: "NOTE" } }),
    ).toMatchObject({ data: { text: "Gift wrap" }, actorEmail: staff.email });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: orderId } })).toMatchObject(
      { action: "order.note", after: { note: "Gift wrap" } },
    );
  });
});

describe("the transition form's input", () => {
  const parse = (input: unknown) => transitionOrderSchema.safeParse(input);
  const message = (input: unknown) => parse(input).error?.issues[0]?.message;

  it("takes optional carrier and tracking number, empty as none", () => {
    expect(
      parse({ action: "ship", orderId: "abc", carrier: "", trackingNumber: " " }).data,
    ).toEqual({ action: "ship", orderId: "abc", carrier: null, trackingNumber: null });
  });

  it("refuses an overlong or odd tracking number and a cancellation without a reason", () => {
    expect(message({ action: "ship", orderId: "abc", trackingNumber: "A".repeat(65) })).toBe(
      "Keep the tracking number under 65 characters.",
    );
    expect(message({ action: "ship", orderId: "abc", trackingNumber: "=HYPERLINK()" })).toMatch(
      /letters, digits, spaces and dashes only/,
    );
    expect(message({ action: "cancel", orderId: "abc", reason: "  " })).toBe(
      "Say why the order is cancelled.",
    );
  });
});

describe("a status change's email", () => {
  it("is sent once, by 10 concurrent runs, with the tracking number and the order's link", async () => {
    const { orderId, shopper } = await placeOrder();
    const result = await run({ action: "ship", orderId, carrier: "DHL", trackingNumber: "JD014" });
    if (!result.ok) throw new Error(result.message);
    const deps = { db: db(), log: () => undefined };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sendOrderEventEmail(result.eventId, deps)),
    );
    expect(results.filter((sent) => sent.status === "sent")).toHaveLength(1);
    const emails = await db().devEmail.findMany({ where: { to: shopper.email! } });
    const shipped = emails.filter((email) => email.subject.includes("has shipped"));
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.subject).toBe(`Your replycart order #${orderNumber(orderId)} has shipped`);
    expect(shipped[0]!.text).toContain("Carrier: DHL\nTracking number: JD014");
    expect(shipped[0]!.url).toBe(`http://localhost:3000/orders/${orderId}`);
    const event = await db().orderEvent.findUniqueOrThrow({ where: { id: result.eventId } });
    expect(event.emailSentAt).not.toBeNull();
  });
});

describe("the order-email job of a status change", () => {
  it("is run by the worker: the shopper gets the cancellation once, the event marked sent", async () => {
    const workers = await startWorkers(parseEnv(), database.url, () => undefined);
    try {
      const { orderId, shopper } = await placeOrder();
      const result = await run({ action: "cancel", orderId, reason: "Address undeliverable" });
      if (!result.ok) throw new Error(result.message);
      const deadline = Date.now() + 30_000;
      while (
        !(await db().orderEvent.findUniqueOrThrow({ where: { id: result.eventId } })).emailSentAt
      ) {
        if (Date.now() > deadline) throw new Error("timed out waiting for the email");
        await sleep(100);
      }
      const emails = await db().devEmail.findMany({
        where: { to: shopper.email!, subject: { contains: "was cancelled" } },
      });
      expect(emails).toHaveLength(1);
      expect(emails[0]!.text).toContain(
        `Your order #${orderNumber(orderId)} was cancelled: Address undeliverable`,
      );
    } finally {
      await workers.stop();
    }
  });
});
