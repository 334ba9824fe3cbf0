import { db } from "@/lib/database/db";
import { getEnv } from "@/lib/env";
import { isLoopbackHost } from "@/lib/server-mode";

/** Captured emails still kept (sign-in emails while their links work), newest first. */
export function listDevEmails(now = new Date()) {
  return db.devEmail.findMany({
    where: { expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
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
