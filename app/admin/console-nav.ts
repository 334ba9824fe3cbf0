import { can, type Permission } from "@/lib/accounts/roles";

export type ConsoleIcon = "home" | "orders" | "products" | "posts" | "x" | "settings";

export type ConsoleSection = {
  href: `/admin${string}`;
  label: string;
  icon: ConsoleIcon;
  /** What the section's page asks for (its consolePage call says the same); unset: anyone. */
  permission?: Permission;
};

// The console's left navigation, in order. Orders, Products, Posts and Replies join here, one
// entry each, when their pages exist; a section a role lacks is left out of that role's list.
export const CONSOLE_NAV: readonly ConsoleSection[] = [
  { href: "/admin", label: "Home", icon: "home" },
  { href: "/admin/orders", label: "Orders", icon: "orders", permission: "orders" },
  { href: "/admin/products", label: "Products", icon: "products", permission: "products" },
  { href: "/admin/posts", label: "Posts", icon: "posts", permission: "posts" },
  { href: "/admin/x", label: "X account", icon: "x", permission: "x_account" },
  { href: "/admin/settings", label: "Settings", icon: "settings", permission: "settings" },
];

/** The sections this role may open. */
export const consoleNavFor = (role: string): ConsoleSection[] =>
  CONSOLE_NAV.filter((section) => !section.permission || can(role, section.permission));
