import { describe, expect, it } from "vitest";
import { PERMISSIONS, can, consoleAccess, isConsoleUser } from "./roles";

const OWNER_ONLY = ["settings", "x_account", "roles"];

describe("console roles", () => {
  it("lets owners and staff into the console, nobody else", () => {
    expect(isConsoleUser("OWNER")).toBe(true);
    expect(isConsoleUser("STAFF")).toBe(true);
    for (const role of ["SHOPPER", "ADMIN", "owner", "", null, undefined])
      expect(isConsoleUser(role), String(role)).toBe(false);
  });

  it("gives staff orders, products and posts, and the owner everything", () => {
    for (const permission of PERMISSIONS) {
      expect(can("OWNER", permission), permission).toBe(true);
      expect(can("STAFF", permission), permission).toBe(!OWNER_ONLY.includes(permission));
      expect(can("SHOPPER", permission), permission).toBe(false);
      expect(can(undefined, permission), permission).toBe(false);
    }
  });

  it("answers 404 to non-console users, 'owner only' to staff short of a permission", () => {
    expect(consoleAccess("SHOPPER")).toBe("not_found");
    expect(consoleAccess(null, "orders")).toBe("not_found");
    expect(consoleAccess("STAFF")).toBe("allowed");
    expect(consoleAccess("STAFF", "orders")).toBe("allowed");
    expect(consoleAccess("STAFF", "settings")).toBe("owner_only");
    expect(consoleAccess("OWNER", "roles")).toBe("allowed");
  });
});
