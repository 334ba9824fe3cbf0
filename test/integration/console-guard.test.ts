import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_ACTIONS, CONSOLE_ROUTES } from "@/app/admin/console-actions";
import { CONSOLE_NAV } from "@/app/admin/console-nav";
import { consoleAccess, type ConsoleAccess, type Permission } from "@/lib/accounts/roles";
import type { Role } from "@/lib/generated/prisma/client";
import { configureAppEnvironment } from "./support/app-environment";
import { signedInUser } from "./support/fixtures";
import { CONSOLE_ACTION_ACCESS } from "../console-access-table";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Every console page and server action, found on disk, held to a table of who may use it, and
// checked with the roles of real next-auth sessions: a shopper is refused everything (404 for
// pages), staff the owner's pages and actions, the owner nothing. Server actions and pages need
// Next's request scope (cookies, headers) to run, so here the decision they make is run on the
// session next-auth gives them; e2e/admin-console.spec.ts runs the real ones in the browser.

const ROOT = path.resolve(__dirname, "../..");

/** Every console page, and whether staff may open it (owners may open all, shoppers none). */
const PAGES: Record<string, { permission: Permission | null; staff: boolean }> = {
  "/admin": { permission: null, staff: true },
  "/admin/orders": { permission: "orders", staff: true },
  "/admin/orders/[id]": { permission: "orders", staff: true },
  "/admin/posts": { permission: "posts", staff: true },
  "/admin/posts/new": { permission: "posts", staff: true },
  "/admin/posts/attach": { permission: "posts", staff: true },
  "/admin/products": { permission: "products", staff: true },
  "/admin/products/new": { permission: "products", staff: true },
  "/admin/products/[id]": { permission: "products", staff: true },
  "/admin/x": { permission: "x_account", staff: false },
  "/admin/settings": { permission: "settings", staff: false },
  "/admin/settings/activity": { permission: "settings", staff: false },
};

/** Every console server action, and whether staff may run it. */
const ACTIONS = CONSOLE_ACTION_ACCESS;

/** Every console route handler that changes things, by its guard's name, and whether staff may. */
const ROUTES: Record<string, { file: string; staff: boolean }> = {
  uploadProductImage: { file: "app/admin/products/[id]/image/route.ts", staff: true },
};

/** The files under app/admin named `name` (page.tsx, actions.ts), relative to the root. */
const files = (name: string) =>
  readdirSync(path.join(ROOT, "app/admin"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join("app/admin", file))
    .sort();
const source = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const routeOf = (pageFile: string) =>
  `/${path.dirname(pageFile)}`.replace(/\/\([^)]+\)/g, "").replace(/^\/app/, "") || "/";

let database: TestDatabase;
/** The role next-auth's own session endpoint gives each kind of signed-in user. */
const sessionRoles = new Map<Role, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  for (const role of ["SHOPPER", "STAFF", "OWNER"] as const) {
    const { browser } = await signedInUser(database.db, role);
    // The very handler getServerSession calls for requireConsole and runAction.
    const response = await browser.call({ method: "GET", action: "session" as "csrf" });
    sessionRoles.set(role, (response.body as { user: { role: string } }).user.role);
  }
});
afterAll(() => database?.drop());

const expected = (role: Role, staff: boolean): ConsoleAccess =>
  role === "SHOPPER" ? "not_found" : role === "STAFF" && !staff ? "owner_only" : "allowed";

describe("console pages", () => {
  it("are exactly the pages of the table", () => {
    const pages = files("page.tsx");
    expect(pages.map(routeOf).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it("each guard itself with its table permission", () => {
    for (const file of files("page.tsx")) {
      const { permission } = PAGES[routeOf(file)]!;
      const declared = source(file).match(/export default consolePage\(\s*(null|"(\w+)")\s*,/);
      expect(declared, `${file} must export default consolePage(permission, ...)`).not.toBeNull();
      expect(declared![2] ?? null, file).toBe(permission);
    }
  });

  it("refuse shoppers with a 404, staff the owner's with 'owner only', and let owners in", () => {
    for (const [route, { permission, staff }] of Object.entries(PAGES))
      for (const role of ["SHOPPER", "STAFF", "OWNER"] as const)
        expect(
          consoleAccess(sessionRoles.get(role), permission ?? undefined),
          `${role} ${route}`,
        ).toBe(expected(role, staff));
  });

  it("are linked from the navigation for the roles that may open them", () => {
    for (const section of CONSOLE_NAV) {
      expect(PAGES[section.href], section.href).toBeDefined();
      expect(section.permission ?? null, section.href).toBe(PAGES[section.href]!.permission);
    }
  });
});

describe("console server actions", () => {
  it("are each declared in CONSOLE_ACTIONS and passed their own guard", () => {
    const exported: string[] = [];
    for (const file of files("actions.ts")) {
      const text = source(file);
      expect(text.startsWith('"use server";'), file).toBe(true);
      for (const [, name] of text.matchAll(/export async function (\w+)/g)) {
        exported.push(name!);
        expect(Object.keys(CONSOLE_ACTIONS), `${file}: ${name} is not declared`).toContain(name);
        expect(text, `${name} must call runAction(CONSOLE_ACTIONS.${name}, ...)`).toMatch(
          new RegExp(`function ${name}\\([^]*?runAction\\(\\s*CONSOLE_ACTIONS\\.${name}\\b`),
        );
      }
    }
    expect(exported.sort()).toEqual(Object.keys(CONSOLE_ACTIONS).sort());
    expect(Object.keys(ACTIONS).sort()).toEqual(exported);
  });

  it("refuse shoppers and staff the owner's, and let owners run them", () => {
    for (const [name, guard] of Object.entries(CONSOLE_ACTIONS)) {
      expect(guard.forbidden, name).toMatch(/\w/);
      for (const role of ["SHOPPER", "STAFF", "OWNER"] as const)
        expect(consoleAccess(sessionRoles.get(role), guard.permission), `${role} ${name}`).toBe(
          expected(role, ACTIONS[name]!.staff),
        );
    }
  });
});

/**
 * Console route handlers that only read (downloads): a GET from a link carries no Origin, so they
 * check the session's permission themselves and answer 404 without it, as the pages do.
 */
const READ_ROUTES: Record<string, { permission: Permission }> = {
  "app/admin/orders/export/route.ts": { permission: "orders" },
};

describe("console route handlers", () => {
  it("are each declared in CONSOLE_ROUTES (or read-only and checked) and run under their guard", () => {
    expect(files("route.ts")).toEqual(
      [...Object.values(ROUTES).map((route) => route.file), ...Object.keys(READ_ROUTES)].sort(),
    );
    for (const [file, { permission }] of Object.entries(READ_ROUTES)) {
      expect(source(file), file).toMatch(new RegExp(`can\\(user\\?\\.role, "${permission}"\\)`));
      expect(source(file), file).toMatch(/status: 404/);
    }
    expect(Object.keys(CONSOLE_ROUTES).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [name, { file }] of Object.entries(ROUTES))
      expect(source(file), file).toMatch(new RegExp(`runAction\\(\\s*CONSOLE_ROUTES\\.${name}\\b`));
  });

  it("refuse shoppers, and let staff and owners in as the table says", () => {
    for (const [name, guard] of Object.entries(CONSOLE_ROUTES))
      for (const role of ["SHOPPER", "STAFF", "OWNER"] as const)
        expect(consoleAccess(sessionRoles.get(role), guard.permission), `${role} ${name}`).toBe(
          expected(role, ROUTES[name]!.staff),
        );
  });
});
