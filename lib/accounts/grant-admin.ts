import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const adminEmail = z
  .email({ error: "must be an email address, like owner@example.com" })
  // next-auth's email sign-in lower-cases the address; store it the way it will be looked up.
  .transform((email) => email.trim().toLowerCase());

export type GrantAdminResult = { email: string; created: boolean; wasAdmin: boolean };

/**
 * Gives the account with this email the admin role, creating the account when there is none
 * (its owner then signs in by magic link). Nothing else about an existing account changes.
 */
export async function grantAdmin(db: PrismaClient, email: string): Promise<GrantAdminResult> {
  const parsed = adminEmail.safeParse(email.trim());
  if (!parsed.success) throw new RangeError(`"${email}" ${parsed.error.issues[0]!.message}`);
  const address = parsed.data;
  const before = await db.user.findUnique({ where: { email: address }, select: { role: true } });
  if (before?.role === "ADMIN") return { email: address, created: false, wasAdmin: true };
  await db.user.upsert({
    where: { email: address },
    create: { email: address, name: "Shop admin", role: "ADMIN" },
    update: { role: "ADMIN" },
  });
  return { email: address, created: !before, wasAdmin: false };
}
