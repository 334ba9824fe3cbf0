import { connection } from "next/server";
import { getServerSession } from "next-auth/next";
import { buildAuthOptions } from "@/lib/auth/build-auth-options";

export type CurrentUser = { id: string; email: string | null; name: string | null; role: string };

/** The signed-in shop user for this request, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  // Per-request by nature; also keeps `next build` from prerendering pages that need secrets.
  await connection();
  const session = await getServerSession(buildAuthOptions());
  const user = session?.user as
    (CurrentUser & { email?: string | null; name?: string | null }) | undefined;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? null, name: user.name ?? null, role: user.role };
}
