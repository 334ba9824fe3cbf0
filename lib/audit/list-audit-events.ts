import { db as appDb } from "@/lib/database/db";
import type { AuditEvent, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./audit-actions";

export const AUDIT_PAGE_SIZE = 50;

export type AuditListItem = Pick<
  AuditEvent,
  "id" | "actorId" | "actorEmail" | "action" | "subjectType" | "subjectId" | "before" | "after"
> & { createdAt: Date };

export type AuditPage =
  | { found: true; events: AuditListItem[]; olderCursor: string | null }
  // The `before` cursor names no event: a mangled link, not an empty page.
  | { found: false };

/**
 * One page of the audit log, newest first, optionally of one action. Keyset pagination: a page
 * continues strictly after the event `before` names (by time, then id for events of the same
 * millisecond), so events recorded meanwhile never shift or repeat rows across pages.
 */
export async function listAuditEvents(
  {
    before,
    action,
    pageSize = AUDIT_PAGE_SIZE,
  }: { before?: string; action?: AuditAction; pageSize?: number },
  db: Pick<PrismaClient, "auditEvent"> = appDb,
): Promise<AuditPage> {
  const cursor = before
    ? await db.auditEvent.findUnique({
        where: { id: before },
        select: { id: true, createdAt: true },
      })
    : null;
  if (before && !cursor) return { found: false };
  const rows = await db.auditEvent.findMany({
    where: {
      ...(action ? { action } : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      actorId: true,
      actorEmail: true,
      action: true,
      subjectType: true,
      subjectId: true,
      before: true,
      after: true,
      createdAt: true,
    },
  });
  const events = rows.slice(0, pageSize);
  return {
    found: true,
    events,
    olderCursor: rows.length > pageSize ? events.at(-1)!.id : null,
  };
}
