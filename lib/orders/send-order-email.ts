import { storedAddressSchema } from "@/lib/checkout/shipping-address";
import { getEnv, type Env } from "@/lib/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { emailDelivery, sendEmail, type EmailDelivery } from "@/lib/mail/send-email";
import { orderConfirmationEmail } from "./order-email";

/** How long the dev mailbox keeps an order confirmation. */
export const ORDER_EMAIL_KEEP_DAYS = 7;

export type OrderEmailResult =
  | { status: "sent"; delivery: EmailDelivery }
  /** The shopper signed in with X only, which gives no email address. */
  | { status: "no-email" }
  /** Sent before, being sent by another run, or lost in a crash: never sent again. */
  | { status: "already-claimed" }
  | { status: "not-found" };

export type SendOrderEmailDeps = {
  db: PrismaClient;
  env?: Env;
  log?: (line: string) => void;
};

const claim = (db: Prisma.TransactionClient, orderId: string) =>
  db.order.updateMany({
    where: { id: orderId, emailClaimedAt: null },
    data: { emailClaimedAt: new Date() },
  });

// The timeline shows the confirmation going out as an event of its own.
const markSent = (db: Prisma.TransactionClient, orderId: string) =>
  db.order.update({
    where: { id: orderId },
    data: { emailSentAt: new Date(), events: { create: { kind: "EMAIL_SENT" } } },
    select: { id: true },
  });

/**
 * Sends one order's confirmation email, never twice however often or concurrently it runs: only
 * the run whose conditional update claims the order sends.
 */
export async function sendOrderEmail(
  orderId: string,
  { db, env = getEnv(), log = console.log }: SendOrderEmailDeps,
): Promise<OrderEmailResult> {
  const delivery = emailDelivery(env);
  if (!delivery) throw new Error("No SMTP_URL: order emails cannot be sent");
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      currency: true,
      totalMinor: true,
      shippingAddress: true,
      emailClaimedAt: true,
      user: { select: { email: true } },
      items: {
        select: { title: true, variant: true, unitPriceMinor: true, quantity: true },
        orderBy: { id: "asc" },
      },
    },
  });
  if (!order) {
    log(`order ${orderId}: not found, no confirmation email`);
    return { status: "not-found" };
  }
  if (order.emailClaimedAt) return { status: "already-claimed" };
  if (!order.user.email) {
    log(`order ${orderId}: the shopper has no email address, no confirmation email`);
    return { status: "no-email" };
  }
  const email = {
    to: order.user.email,
    ...orderConfirmationEmail(
      { ...order, shippingAddress: storedAddressSchema.parse(order.shippingAddress) },
      env.APP_URL,
    ),
    keepUntil: new Date(Date.now() + ORDER_EMAIL_KEEP_DAYS * 24 * 60 * 60 * 1000),
  };

  if (delivery === "dev-mailbox") {
    // The claim, the captured email and the sent mark commit together: exactly once.
    const logged: string[] = [];
    const sent = await db.$transaction(async (tx) => {
      if ((await claim(tx, orderId)).count === 0) return false;
      await sendEmail(email, { db: tx, env, log: (line) => logged.push(line) });
      await markSent(tx, orderId);
      return true;
    });
    logged.forEach(log);
    return sent ? { status: "sent", delivery } : { status: "already-claimed" };
  }

  // SMTP is outside the database, so the claim commits first. A crash between the claim and the
  // send leaves the order claimed and unsent, and no retry sends it: at most once, as the bot's
  // outbox does, since a confirmation sent twice is worse than one missing (the order page
  // confirms it too). An error we do hear about releases the claim for pg-boss's retry.
  if ((await claim(db, orderId)).count === 0) return { status: "already-claimed" };
  try {
    await sendEmail(email, { env, log });
  } catch (error) {
    await db.order
      .updateMany({ where: { id: orderId, emailSentAt: null }, data: { emailClaimedAt: null } })
      .catch(() => undefined); // the database is down too: left claimed, at most once
    throw error;
  }
  await markSent(db, orderId);
  return { status: "sent", delivery };
}
