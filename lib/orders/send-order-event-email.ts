import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailDelivery, sendEmail } from "@/lib/mail/send-email";
import { orderStatusEmail, type OrderStatusEvent } from "./order-email";
import {
  ORDER_EMAIL_KEEP_DAYS,
  type OrderEmailResult,
  type SendOrderEmailDeps,
} from "./send-order-email";

// What transitionOrder writes in an event's data, read back for its email.
const eventData = z.object({
  carrier: z.string().nullish(),
  trackingNumber: z.string().nullish(),
  reason: z.string().nullish(),
});

const claim = (db: Prisma.TransactionClient, eventId: string) =>
  db.orderEvent.updateMany({
    where: { id: eventId, emailClaimedAt: null },
    data: { emailClaimedAt: new Date() },
  });

const markSent = (db: Prisma.TransactionClient, eventId: string) =>
  db.orderEvent.update({
    where: { id: eventId },
    data: { emailSentAt: new Date() },
    select: { id: true },
  });

/**
 * Sends the email of one status change (shipped, delivered, cancelled), never twice: claimed on
 * the event the way sendOrderEmail claims the order (see there for why SMTP is at most once).
 */
export async function sendOrderEventEmail(
  eventId: string,
  { db, env = getEnv(), log = console.log }: SendOrderEmailDeps,
): Promise<OrderEmailResult> {
  const delivery = emailDelivery(env);
  if (!delivery) throw new Error("No SMTP_URL: order emails cannot be sent");
  const event = await db.orderEvent.findUnique({
    where: { id: eventId },
    select: {
      orderId: true,
      kind: true,
      data: true,
      emailClaimedAt: true,
      order: { select: { user: { select: { email: true } } } },
    },
  });
  if (!event) {
    log(`order event ${eventId}: not found, no email`);
    return { status: "not-found" };
  }
  if (event.emailClaimedAt) return { status: "already-claimed" };
  const status = statusEvent(event.kind, eventData.parse(event.data));
  if (!status) return { status: "not-found" };
  if (!event.order.user.email) {
    log(`order ${event.orderId}: the shopper has no email address, no status email`);
    return { status: "no-email" };
  }
  const email = {
    to: event.order.user.email,
    ...orderStatusEmail(event.orderId, status, env.APP_URL),
    keepUntil: new Date(Date.now() + ORDER_EMAIL_KEEP_DAYS * 24 * 60 * 60 * 1000),
  };

  if (delivery === "dev-mailbox") {
    const logged: string[] = [];
    const sent = await db.$transaction(async (tx) => {
      if ((await claim(tx, eventId)).count === 0) return false;
      await sendEmail(email, { db: tx, env, log: (line) => logged.push(line) });
      await markSent(tx, eventId);
      return true;
    });
    logged.forEach(log);
    return sent ? { status: "sent", delivery } : { status: "already-claimed" };
  }

  if ((await claim(db, eventId)).count === 0) return { status: "already-claimed" };
  try {
    await sendEmail(email, { env, log });
  } catch (error) {
    await db.orderEvent
      .updateMany({ where: { id: eventId, emailSentAt: null }, data: { emailClaimedAt: null } })
      .catch(() => undefined);
    throw error;
  }
  await markSent(db, eventId);
  return { status: "sent", delivery };
}

function statusEvent(kind: string, data: z.infer<typeof eventData>): OrderStatusEvent | null {
  if (kind === "SHIPPED")
    return {
      kind,
      carrier: data.carrier ?? null,
      trackingNumber: data.trackingNumber ?? null,
    };
  if (kind === "DELIVERED") return { kind };
  if (kind === "CANCELLED") return { kind, reason: data.reason ?? "" };
  return null;
}
