import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAdmin } from "@/lib/accounts/grant-admin";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

describe("grantAdmin (npm run admin:add)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("promotes an existing shopper, leaving the rest of the account alone", async () => {
    const shopper = await database.db.user.create({
      data: { email: "owner@example.com", name: "Owner" },
    });
    const result = await grantAdmin(database.db, " Owner@Example.com ");
    expect(result).toEqual({ email: "owner@example.com", created: false, wasAdmin: false });
    const after = await database.db.user.findUniqueOrThrow({ where: { id: shopper.id } });
    expect(after).toMatchObject({ role: "ADMIN", name: "Owner", email: "owner@example.com" });
  });

  it("creates the account when there is none, for a magic-link sign-in later", async () => {
    const result = await grantAdmin(database.db, "new-admin@example.com");
    expect(result.created).toBe(true);
    const user = await database.db.user.findUniqueOrThrow({
      where: { email: "new-admin@example.com" },
    });
    expect(user.role).toBe("ADMIN");
  });

  it("changes nothing for an existing admin", async () => {
    const before = await database.db.user.findUniqueOrThrow({
      where: { email: "new-admin@example.com" },
    });
    const result = await grantAdmin(database.db, "new-admin@example.com");
    expect(result.wasAdmin).toBe(true);
    const after = await database.db.user.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("refuses something that is not an email, creating nothing", async () => {
    const count = await database.db.user.count();
    await expect(grantAdmin(database.db, "not-an-email")).rejects.toThrow(/must be an email/);
    expect(await database.db.user.count()).toBe(count);
  });
});
