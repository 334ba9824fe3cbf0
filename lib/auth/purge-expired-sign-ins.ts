import { db } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Deletes sign-in links that no longer work, and their captured copies in the dev mailbox. */
export async function purgeExpiredSignIns(client: PrismaClient = db, now = new Date()) {
  const [tokens, emails] = await client.$transaction([
    client.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    client.devEmail.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return { tokens: tokens.count, emails: emails.count };
}
