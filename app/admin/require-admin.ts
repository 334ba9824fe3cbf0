import "server-only";
import { notFound } from "next/navigation";
import { isConsoleUser } from "@/lib/accounts/roles";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";

/**
 * Every /admin page calls this itself (a layout alone does not re-run on client navigation).
 * Anyone but an admin gets a plain 404, so the console's existence is not advertised.
 */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !isConsoleUser(user.role)) notFound();
  return user;
}
