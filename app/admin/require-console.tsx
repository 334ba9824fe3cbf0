import "server-only";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import type { ConsoleUser } from "@/app/_actions/server-action";
import { OwnerOnly } from "@/app/admin/_components/owner-only";
import { consoleAccess, type Permission } from "@/lib/accounts/roles";
import { getCurrentUser } from "@/lib/auth/current-user";

/**
 * The console's door, for its layout and every page (a layout alone does not re-run on client
 * navigation). Anyone but staff and owners gets a plain 404, so the console's existence is not
 * advertised; `allowed` says whether the role grants `permission`.
 */
export async function requireConsole(
  permission?: Permission,
): Promise<{ user: ConsoleUser; allowed: boolean }> {
  const user = await getCurrentUser();
  const access = consoleAccess(user?.role, permission);
  if (access === "not_found") notFound();
  return { user: user as ConsoleUser, allowed: access === "allowed" };
}

/**
 * A console page: `export default consolePage("settings", Page)`. `Page` renders only for a
 * role with the permission (null: any console user) and gets the user; staff without it see
 * that the page is the owner's instead (a 404 would tell them nothing they do not know).
 */
export function consolePage<Props extends object>(
  permission: Permission | null,
  Page: (props: Props & { user: ConsoleUser }) => Promise<ReactNode>,
) {
  return async function GuardedConsolePage(props: Props) {
    const { user, allowed } = await requireConsole(permission ?? undefined);
    if (!allowed) return <OwnerOnly permission={permission!} />;
    return <Page {...props} user={user} />;
  };
}
