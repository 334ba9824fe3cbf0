import { z } from "zod";
import type { OrderEventKind, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { refuse, type Refusal } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { prismaSql } from "@/lib/database/sql";
import { enqueue } from "@/lib/jobs/enqueue";
import { SEND_ORDER_EMAIL } from "@/lib/jobs/queues";
import { moveOrderStock } from "./move-order-stock";
import {
  ORDER_STATUS_LABELS,
  TRANSITIONS,
  transitionRefusal,
  type OrderAction,
} from "./order-transitions";

const orderId = z
  .string({ error: "That order no longer exists." })
  .regex(/^[a-z0-9]{1,64}$/, "That order no longer exists.");

// Forms send empty fields as "": both shipping fields are optional.
const optionalText = (max: number, label: string, pattern: RegExp, patternMessage: string) =>
  z
    .string({ error: `The ${label} must be text.` })
    .trim()
    .max(max, `Keep the ${label} under ${max + 1} characters.`)
    .refine((value) => value === "" || pattern.test(value), patternMessage)
    .optional()
    .transform((value) => value || null);

export const transitionOrderSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("ship"),
      orderId,
      carrier: optionalText(
        60,
        "carrier",
        /^[\p{L}\p{N} .&'-]+$/u,
        "The carrier may have letters, digits, spaces and . & ' - only.",
      ),
      trackingNumber: optionalText(
        64,
        "tracking number",
        /^[A-Za-z0-9 -]+$/,
        "A tracking number has letters, digits, spaces and dashes only.",
      ),
    }),
    z.object({ action: z.literal("deliver"), orderId }),
    z.object({
      action: z.literal("cancel"),
      orderId,
      reason: z
        .string({ error: "Say why the order is cancelled." })
        .trim()
        .min(1, "Say why the order is cancelled.")
        .max(500, "Keep the reason under 500 characters."),
    }),
  ],
  { error: "Choose what to do with the order." },
);

export type TransitionOrderInput = z.infer<typeof transitionOrderSchema>;

export type TransitionOutcome =
  Refusal<"not_found" | "refused"> | { ok: true; audit: AuditReceipt; eventId: string };

const EVENT_KINDS: Record<OrderAction, OrderEventKind> = {
  ship: "SHIPPED",
  deliver: "DELIVERED",
  cancel: "CANCELLED",
};

/**
 * Moves one order along its life (order-transitions.ts), with its timeline event, its audit
 * record and the shopper's email job in one transaction. The status changes by one conditional
 * update (WHERE status = the status read), so of two staff acting at once exactly one moves
 * it: the other's update waits for the first's row lock, then matches nothing, and is refused
 * with what the order has become. A cancellation puts the stock back in that same transaction,
 * so only the cancellation that wins restocks.
 */
export async function transitionOrder(
  db: PrismaClient,
  actor: AuditActor,
  input: TransitionOrderInput,
): Promise<TransitionOutcome> {
  const { action } = input;
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: { status: true, carrier: true, trackingNumber: true },
    });
    if (!order) return refuse("not_found", "That order no longer exists.");
    const refusal = transitionRefusal(action, order.status);
    if (refusal) return refuse("refused", refusal);

    const now = new Date();
    const { to } = TRANSITIONS[action];
    const changes: Prisma.OrderUpdateManyMutationInput =
      input.action === "ship"
        ? {
            status: to,
            shippedAt: now,
            carrier: input.carrier,
            trackingNumber: input.trackingNumber,
          }
        : input.action === "deliver"
          ? { status: to, deliveredAt: now }
          : { status: to, cancelledAt: now, cancelReason: input.reason };
    const moved = await tx.order.updateMany({
      where: { id: input.orderId, status: order.status },
      data: changes,
    });
    if (moved.count === 0) {
      // Another transition committed between our read and our update: say what it became.
      const now = await tx.order.findUniqueOrThrow({
        where: { id: input.orderId },
        select: { status: true },
      });
      return refuse(
        "refused",
        transitionRefusal(action, now.status) ??
          `This order changed meanwhile: it is now ${ORDER_STATUS_LABELS[now.status].toLowerCase()}.`,
      );
    }

    const data =
      input.action === "ship"
        ? { carrier: input.carrier, trackingNumber: input.trackingNumber }
        : input.action === "cancel"
          ? { reason: input.reason }
          : {};
    const event = await tx.orderEvent.create({
      data: {
        orderId: input.orderId,
        kind: EVENT_KINDS[action],
        actorId: actor.id,
        actorEmail: actor.email,
        data,
        createdAt: now,
      },
      select: { id: true },
    });
    if (action === "cancel") await restock(tx, input.orderId, actor);
    const audit = await recordAudit(tx, {
      actor,
      action: `order.${action}`,
      subject: { type: "order", id: input.orderId },
      before: { status: order.status },
      after: { status: to, ...data },
    });
    // Committed with the change: the shopper hears of it exactly when it happened.
    await enqueue(prismaSql(tx), [
      {
        name: SEND_ORDER_EMAIL,
        data: { orderId: input.orderId, eventId: event.id },
        singletonKey: event.id,
      },
    ]);
    return { ok: true as const, audit, eventId: event.id };
  });
}

/** Puts every line of a cancelled order back in its variant's stock, through its history. */
async function restock(tx: Prisma.TransactionClient, orderId: string, actor: AuditActor) {
  const items = await tx.orderItem.findMany({
    where: { orderId },
    select: { productId: true, variant: true, quantity: true },
  });
  const variants = await tx.productVariant.findMany({
    where: { OR: items.map((item) => ({ productId: item.productId, name: item.variant })) },
    select: { id: true, productId: true, name: true },
  });
  // A variant deleted since the order has no stock to return to: its line is skipped.
  const lines = items.flatMap((item) => {
    const variant = variants.find(
      (candidate) => candidate.productId === item.productId && candidate.name === item.variant,
    );
    return variant ? [{ variantId: variant.id, quantity: item.quantity }] : [];
  });
  await moveOrderStock(prismaSql(tx), { orderId, reason: "CANCELLATION", actor }, lines);
}

export const noteSchema = z.object({
  orderId,
  text: z
    .string({ error: "Write the note." })
    .trim()
    .min(1, "Write the note.")
    .max(1000, "Keep the note under 1000 characters."),
});

/** Adds a staff note to an order's timeline (the shopper never sees notes). */
export async function addOrderNote(
  db: PrismaClient,
  actor: AuditActor,
  input: z.infer<typeof noteSchema>,
): Promise<Refusal<"not_found"> | { ok: true; audit: AuditReceipt }> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { id: true } });
    if (!order) return refuse("not_found", "That order no longer exists.");
    await tx.orderEvent.create({
      data: {
        orderId: input.orderId,
        kind: "NOTE",
        actorId: actor.id,
        actorEmail: actor.email,
        data: { text: input.text },
      },
      select: { id: true },
    });
    const audit = await recordAudit(tx, {
      actor,
      action: "order.note",
      subject: { type: "order", id: input.orderId },
      after: { note: input.text },
    });
    return { ok: true as const, audit };
  });
}
