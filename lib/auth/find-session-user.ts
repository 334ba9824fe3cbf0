import { db } from "@/lib/database/db";

/** The user behind a live session cookie value, or null. For next-auth callbacks, which get none. */
export async function findSessionUser(sessionToken: string | undefined) {
  if (!sessionToken) return null;
  const session = await db.session.findFirst({
    where: { sessionToken, expires: { gt: new Date() } },
    select: { user: { select: { id: true, email: true, role: true } } },
  });
  return session?.user ?? null;
}
