import type { Role } from "@/lib/generated/prisma/client";

// Who may do what in the merchant console, in one place: pages (app/admin/require-console.ts),
// server actions (runAction's `permission`) and the console's navigation all ask `can`.

/** What a console page or action needs; each is granted to roles below. */
export type Permission = "orders" | "products" | "posts" | "settings" | "x_account" | "roles";

export const PERMISSIONS: readonly Permission[] = [
  "orders",
  "products",
  "posts",
  "settings",
  "x_account",
  "roles",
];

/** The roles that use the console: staff run the shop day to day, the owner also configures it. */
export type ConsoleRole = Extract<Role, "OWNER" | "STAFF">;

const GRANTS: Record<ConsoleRole, readonly Permission[]> = {
  STAFF: ["orders", "products", "posts"],
  OWNER: PERMISSIONS,
};

/** Role names as people read them. */
export const ROLE_LABELS: Record<Role, string> = {
  SHOPPER: "shopper",
  STAFF: "staff",
  OWNER: "owner",
};

// Roles reach us as strings (the session's copy of the User row), so unknown ones are shoppers.
export const isConsoleUser = (role: string | null | undefined): role is ConsoleRole =>
  role === "OWNER" || role === "STAFF";

export const can = (role: string | null | undefined, permission: Permission): boolean =>
  isConsoleUser(role) && GRANTS[role].includes(permission);

/**
 * What the console does with a visitor: shows the page, refuses it saying the owner can
 * (staff know the console exists), or answers 404 (everyone else must not learn it does).
 * Without a permission, any console user is allowed (the console's home).
 */
export type ConsoleAccess = "allowed" | "owner_only" | "not_found";

export function consoleAccess(
  role: string | null | undefined,
  permission?: Permission,
): ConsoleAccess {
  if (!isConsoleUser(role)) return "not_found";
  if (permission && !can(role, permission)) return "owner_only";
  return "allowed";
}
