import { createHash } from "node:crypto";
import { db } from "@/lib/database/db";
import { getEnv } from "@/lib/env";
import { isLoopbackHost } from "@/lib/server-mode";

/**
 * The row next-auth 4 keeps for a sign-in link's token: sha256 of the token and the secret
 * (next-auth/core/lib/utils.js, hashToken; our email provider sets no secret of its own), never
 * the token itself. Null for a URL that carries no token.
 */
export function storedSignInToken(url: string, secret: string): string | null {
  let token: string | null;
  try {
    token = new URL(url).searchParams.get("token");
  } catch {
    return null;
  }
  return token ? createHash("sha256").update(`${token}${secret}`).digest("hex") : null;
}

/**
 * Captured emails still worth reading, newest first: order emails until they expire, sign-in
 * emails while their link works. next-auth deletes a link's token when it is used, so a used
 * link's email drops out here at once; expired ones go with their token.
 */
export async function listDevEmails(now = new Date()) {
  const emails = await db.devEmail.findMany({
    where: { expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const secret = getEnv().NEXTAUTH_SECRET!;
  const tokens = new Map(
    emails
      .filter((email) => email.linkLabel === null)
      .map((email) => [email.id, storedSignInToken(email.url, secret)]),
  );
  const wanted = [...tokens.values()].filter((token) => token !== null);
  const live = new Set(
    wanted.length
      ? (
          await db.verificationToken.findMany({
            where: { token: { in: wanted }, expires: { gt: now } },
            select: { token: true },
          })
        ).map((row) => row.token)
      : [],
  );
  return emails.filter((email) => email.linkLabel !== null || live.has(tokens.get(email.id) ?? ""));
}

/**
 * The mailbox answers only when the browser addressed this machine or the shop's own URL: a page
 * on another site whose DNS name was rebound to 127.0.0.1 sends its own host name, and is refused.
 */
export function isMailboxHost(hostHeader: string | null): boolean {
  if (!hostHeader) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return false;
  }
  return isLoopbackHost(hostname) || hostname === new URL(getEnv().APP_URL).hostname;
}
