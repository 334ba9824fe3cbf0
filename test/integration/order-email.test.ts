import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseEnv } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { SEND_ORDER_EMAIL } from "@/lib/jobs/queues";
import { startWorkers, type Workers } from "@/lib/worker/start-workers";
import { orderNumber } from "@/lib/orders/order-number";
import { sendOrderEmail } from "@/lib/orders/send-order-email";
import { configureAppEnvironment } from "./support/app-environment";
import { APP_URL, seedShop } from "./support/fixtures";
import { startFakeSmtp, type FakeSmtp } from "./support/fake-smtp";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { prismaSql } from "@/lib/database/sql";

// The order confirmation on real Postgres, the way checkout queues it: in demo mode without SMTP
// (the dev mailbox, as these tests run the app), and against a local SMTP server.

let database: TestDatabase;
let smtp: FakeSmtp;
const logged: string[] = [];
beforeAll(async () => {
  [database, smtp] = await Promise.all([createTestDatabase(), startFakeSmtp()]);
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  await seedShop(database.db);
});
afterAll(async () => {
  await smtp?.close();
  await database?.drop();
});

const db = () => database.db;
const deps = () => ({ db: db(), log: (line: string) => logged.push(line) });
const smtpDeps = () => ({ ...deps(), env: { ...parseEnv(), SMTP_URL: smtp.url } });
const address = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.com`;

/** What checkout writes: a US order of two tees (size M) and a mug, $74.00 in all. */
function orderData(userId: string): Prisma.OrderUncheckedCreateInput {
  return {
    userId,
    marketplaceId: "us",
    currency: "USD",
    totalMinor: 2 * 2800 + 1800,
    idempotencyKey: randomUUID(),
    cartHash: randomUUID(),
    shippingAddress: {
      fullName: "Ada Lovelace",
      line1: "500 Howard St",
      line2: "",
      city: "San Francisco",
      region: "CA",
      postalCode: "94107",
      country: "United States",
    },
    items: {
      create: [
        {
          productId: "us-organic-tee",
          title: "Organic Cotton Tee",
          variant: "M",
          unitPriceMinor: 2800,
          quantity: 2,
        },
        {
          productId: "us-stoneware-mug",
          title: "Stoneware Mug",
          variant: "",
          unitPriceMinor: 1800,
          quantity: 1,
        },
      ],
    },
  };
}

async function placeOrder(email: string | null) {
  const user = await db().user.create({ data: { email } });
  return db().order.create({ data: orderData(user.id) });
}

const mailboxFor = (to: string) => db().devEmail.findMany({ where: { to } });

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe("the order confirmation in the dev mailbox", () => {
  it("is sent once however often it runs, with the order's number, total and link", async () => {
    const to = address("buyer");
    const order = await placeOrder(to);

    expect(await sendOrderEmail(order.id, deps())).toEqual({
      status: "sent",
      delivery: "dev-mailbox",
    });
    expect(await sendOrderEmail(order.id, deps())).toEqual({ status: "already-claimed" });

    const emails = await mailboxFor(to);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email!.subject).toBe(`Your replycart order #${orderNumber(order.id)} is confirmed`);
    expect(email!.text).toContain("2 × Organic Cotton Tee, size M\n    $28.00 each: $56.00");
    expect(email!.text).toContain("Total: $74.00\nPay on delivery: nothing has been charged.");
    expect(email!.text).toContain("Ada Lovelace\n500 Howard St\nSan Francisco, CA\n94107");
    expect(email!.url).toBe(`${APP_URL}/orders/${order.id}`);
    expect(email!.linkLabel).toBe("View your order");
    const keptDays = (email!.expiresAt.getTime() - email!.createdAt.getTime()) / 86_400_000;
    expect(keptDays).toBeCloseTo(7, 2);

    const after = await db().order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.emailClaimedAt).not.toBeNull();
    expect(after.emailSentAt).not.toBeNull();
  });

  it("is sent once by 10 concurrent runs", async () => {
    const to = address("concurrent");
    const order = await placeOrder(to);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sendOrderEmail(order.id, deps())),
    );
    expect(results.filter((result) => result.status === "sent")).toHaveLength(1);
    expect(results.filter((result) => result.status === "already-claimed")).toHaveLength(9);
    expect(await mailboxFor(to)).toHaveLength(1);
  });

  it("is not sent to a shopper without an email address, and the log names no one", async () => {
    const order = await placeOrder(null);
    const before = await db().devEmail.count();
    expect(await sendOrderEmail(order.id, deps())).toEqual({ status: "no-email" });
    expect(await db().devEmail.count()).toBe(before);
    expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      emailClaimedAt: null,
      emailSentAt: null,
    });
    const line = logged.find((entry) => entry.includes(order.id));
    expect(line).toBe(`order ${order.id}: the shopper has no email address, no confirmation email`);
  });
});

describe("the order confirmation by SMTP", () => {
  it("is handed to the mail server once, however often it runs", async () => {
    const to = address("smtp");
    const order = await placeOrder(to);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sendOrderEmail(order.id, smtpDeps())),
    );
    expect(results.filter((result) => result.status === "sent")).toHaveLength(1);
    expect(await sendOrderEmail(order.id, smtpDeps())).toEqual({ status: "already-claimed" });

    const received = smtp.messages.filter((message) => message.to === to);
    expect(received).toHaveLength(1);
    expect(received[0]!.data).toContain(`Subject: Your replycart order #${orderNumber(order.id)}`);
    expect(received[0]!.data).toContain("From: replycart <shop@replycart.local>");
    expect(await mailboxFor(to)).toHaveLength(0);
    expect(
      (await db().order.findUniqueOrThrow({ where: { id: order.id } })).emailSentAt,
    ).not.toBeNull();
  });

  it("releases its claim when the server refuses, so that the retry sends it", async () => {
    const to = address("refused");
    const order = await placeOrder(to);
    smtp.refuseNext();
    await expect(sendOrderEmail(order.id, smtpDeps())).rejects.toThrow(/451/);
    expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      emailClaimedAt: null,
      emailSentAt: null,
    });

    expect(await sendOrderEmail(order.id, smtpDeps())).toMatchObject({ status: "sent" });
    expect(smtp.messages.filter((message) => message.to === to)).toHaveLength(1);
  });
});

describe("the order-email job", () => {
  let workers: Workers | null = null;
  const workerLog: string[] = [];
  beforeAll(async () => {
    workers = await startWorkers(parseEnv(), database.url, (line) => workerLog.push(line));
  });
  afterAll(async () => {
    // Failures and retries the worker logged, to read when a test here fails.
    const trouble = workerLog.filter((line) => !line.startsWith("[dev mailbox]"));
    if (trouble.length) console.log(trouble.join("\n"));
    await workers?.stop();
  });

  const jobsFor = async (orderId: string) =>
    (
      await db().$queryRaw<{ state: string }[]>`
        SELECT state::text FROM pgboss.job
        WHERE name = ${SEND_ORDER_EMAIL} AND data->>'orderId' = ${orderId}`
    ).map((job) => job.state);

  /** Checkout's way: the order and its email job in one transaction; `fail` rolls it back. */
  async function checkOut(to: string, { fail = false } = {}) {
    let orderId = "";
    const committed = db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: to } });
      const order = await tx.order.create({ data: orderData(user.id) });
      orderId = order.id;
      await enqueue(prismaSql(tx), [
        { name: SEND_ORDER_EMAIL, data: { orderId: order.id }, singletonKey: order.id },
      ]);
      if (fail) throw new Error("checkout failed after queueing the email");
    });
    await (fail ? expect(committed).rejects.toThrow(/checkout failed/) : committed);
    return orderId;
  }

  const completed = (orderId: string, jobs: number) => async () => {
    const states = await jobsFor(orderId);
    return states.length === jobs && states.every((state) => state === "completed");
  };

  it("sends the email of an order committed with its job, once", async () => {
    const to = address("queued");
    const orderId = await checkOut(to);
    await waitFor(completed(orderId, 1), "the order-email job to complete");
    expect(await mailboxFor(to)).toHaveLength(1);
    expect(
      (await db().order.findUniqueOrThrow({ where: { id: orderId } })).emailSentAt,
    ).not.toBeNull();

    // The same job again (a redelivery, a second queueing) sends nothing more.
    await db().$transaction((tx) =>
      enqueue(prismaSql(tx), [{ name: SEND_ORDER_EMAIL, data: { orderId } }]),
    );
    await waitFor(completed(orderId, 2), "the second order-email job to complete");
    expect(await mailboxFor(to)).toHaveLength(1);
  });

  it("queues nothing and sends nothing when the checkout rolls back", async () => {
    const to = address("rolled-back");
    const orderId = await checkOut(to, { fail: true });
    expect(orderId).not.toBe("");
    expect(await db().order.count({ where: { id: orderId } })).toBe(0);
    expect(await jobsFor(orderId)).toEqual([]);

    // A later order's email goes out; the rolled-back one's never does.
    const later = address("later");
    const laterId = await checkOut(later);
    await waitFor(completed(laterId, 1), "the later order's job to complete");
    expect(await mailboxFor(later)).toHaveLength(1);
    expect(await mailboxFor(to)).toHaveLength(0);
  });
});
