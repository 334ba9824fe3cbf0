import { z } from "zod";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import type { ConsoleRole } from "@/lib/accounts/roles";
import { recordAudit } from "@/lib/audit/record-audit";

const adminEmail = z
  .email({ error: "must be an email address, like owner@example.com" })
  // next-auth's email sign-in lower-cases the address; store it the way it will be looked up.
  .transform((email) => email.trim().toLowerCase());

export type GrantAdminResult = {
  email: string;
  role: ConsoleRole;
  /** The role before, or null when the account was created. */
  previousRole: Role | null;
  changed: boolean;
  /** How many owners the shop has now: none left after demoting the last one. */
  owners: number;
};

/**
 * Gives the account with this email a console role (owner unless `role` says staff), creating
 * the account when there is none (its holder then signs in by magic link). Nothing else about
 * an existing account changes. A change is recorded in the audit log, by no console user.
 */
export async function grantAdmin(
  db: PrismaClient,
  email: string,
  role: ConsoleRole = "OWNER",
): Promise<GrantAdminResult> {
  const parsed = adminEmail.safeParse(email.trim());
  if (!parsed.success) throw new RangeError(`"${email}" ${parsed.error.issues[0]!.message}`);
  const address = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { email: address },
      select: { role: true },
    });
    const changed = before?.role !== role;
    if (changed) {
      const user = await tx.user.upsert({
        where: { email: address },
        create: { email: address, name: "Shop admin", role },
        update: { role },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: null,
        action: "user.role",
        subject: { type: "User", id: user.id },
        before: before ? { email: address, role: before.role } : null,
        after: { email: address, role },
      });
    }
    const owners = await tx.user.count({ where: { role: "OWNER" } });
    return { email: address, role, previousRole: before?.role ?? null, changed, owners };
  });
}

const AS: Record<Role, string> = { SHOPPER: "a shopper", STAFF: "staff", OWNER: "an owner" };

/** What admin:add did, in a sentence or two. */
export function describeGrant({ email, role, previousRole, changed, owners }: GrantAdminResult) {
  const lines = [
    !changed
      ? `${email} is already ${AS[role]}; nothing changed.`
      : previousRole === null
        ? `Created ${email} as ${AS[role]}; they sign in with a link sent there.`
        : `${email} was ${AS[previousRole]} and is now ${AS[role]}; /admin shows it on their next page load.`,
  ];
  if (owners === 0)
    lines.push("The shop has no owner now: name one with npm run admin:add -- EMAIL.");
  return lines.join("\n");
}
