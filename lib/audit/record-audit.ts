import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./audit-actions";

/** Who made a change: a console user, or null for the server itself (admin:add, start-up). */
export type AuditActor = { id: string; email: string | null };

/** A flat record of the fields that matter, as they were or as they became. */
export type AuditValue = Prisma.InputJsonObject;

export type AuditEntry = {
  actor: AuditActor | null;
  action: AuditAction;
  subject: { type: string; id: string };
  /** Absent for something created. */
  before?: AuditValue | null;
  /** Absent for something deleted. */
  after?: AuditValue | null;
};

declare const recorded: unique symbol;

/**
 * Proof that an audit event was written: only recordAudit makes one, and runAction wants one
 * back from every console action that succeeds, so a console action cannot forget its record.
 */
export type AuditReceipt = { readonly eventId: string; readonly [recorded]: true };

/**
 * Writes one audit event. Call it with the transaction that makes the change it describes: the
 * change and its record commit together or not at all.
 */
export async function recordAudit(
  tx: Pick<Prisma.TransactionClient, "auditEvent">,
  { actor, action, subject, before, after }: AuditEntry,
): Promise<AuditReceipt> {
  const { id } = await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      // Omitted rather than null: a nullable Json column takes SQL NULL only as Prisma.DbNull.
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
    },
    select: { id: true },
  });
  return { eventId: id } as AuditReceipt;
}
