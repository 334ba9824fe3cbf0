import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeGrant, grantAdmin } from "@/lib/accounts/grant-admin";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

describe("grantAdmin (npm run admin:add)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const roleEvents = (email: string) =>
    database.db.auditEvent.findMany({
      where: { action: "user.role", after: { path: ["email"], equals: email } },
      orderBy: { createdAt: "asc" },
    });

  it("makes an existing shopper an owner by default, leaving the rest of the account alone", async () => {
    const shopper = await database.db.user.create({
      data: { email: "owner@example.com", name: "Owner" },
    });
    const result = await grantAdmin(database.db, " Owner@Example.com ");
    expect(result).toEqual({
      email: "owner@example.com",
      role: "OWNER",
      previousRole: "SHOPPER",
      changed: true,
      owners: 1,
    });
    expect(describeGrant(result)).toBe(
      "owner@example.com was a shopper and is now an owner; /admin shows it on their next page load.",
    );
    const after = await database.db.user.findUniqueOrThrow({ where: { id: shopper.id } });
    expect(after).toMatchObject({ role: "OWNER", name: "Owner", email: "owner@example.com" });
    // Recorded, by no console user (the server itself), as the change it was.
    const [event] = await roleEvents("owner@example.com");
    expect(event).toMatchObject({
      actorId: null,
      actorEmail: null,
      subjectType: "User",
      subjectId: shopper.id,
      before: { email: "owner@example.com", role: "SHOPPER" },
      after: { email: "owner@example.com", role: "OWNER" },
    });
  });

  it("creates the account when there is none, as staff when asked", async () => {
    const result = await grantAdmin(database.db, "new-staff@example.com", "STAFF");
    expect(result).toMatchObject({ previousRole: null, changed: true, role: "STAFF" });
    expect(describeGrant(result)).toBe(
      "Created new-staff@example.com as staff; they sign in with a link sent there.",
    );
    const user = await database.db.user.findUniqueOrThrow({
      where: { email: "new-staff@example.com" },
    });
    expect(user.role).toBe("STAFF");
    const [event] = await roleEvents("new-staff@example.com");
    expect(event).toMatchObject({ subjectId: user.id, before: null });
  });

  it("changes a console user's role and says so", async () => {
    const promoted = await grantAdmin(database.db, "new-staff@example.com", "OWNER");
    expect(describeGrant(promoted)).toBe(
      "new-staff@example.com was staff and is now an owner; /admin shows it on their next page load.",
    );
    expect(promoted.owners).toBe(2);
    await grantAdmin(database.db, "new-staff@example.com", "STAFF");
    const user = await database.db.user.findUniqueOrThrow({
      where: { email: "new-staff@example.com" },
    });
    expect(user.role).toBe("STAFF");
    expect((await roleEvents("new-staff@example.com")).map((e) => e.after)).toEqual([
      { email: "new-staff@example.com", role: "STAFF" },
      { email: "new-staff@example.com", role: "OWNER" },
      { email: "new-staff@example.com", role: "STAFF" },
    ]);
  });

  it("changes nothing, and records nothing, for a user who already has the role", async () => {
    const before = await database.db.user.findUniqueOrThrow({
      where: { email: "owner@example.com" },
    });
    const events = await database.db.auditEvent.count();
    const result = await grantAdmin(database.db, "owner@example.com");
    expect(result.changed).toBe(false);
    expect(describeGrant(result)).toBe("owner@example.com is already an owner; nothing changed.");
    const after = await database.db.user.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await database.db.auditEvent.count()).toBe(events);
  });

  it("warns when the last owner is made staff", async () => {
    const result = await grantAdmin(database.db, "owner@example.com", "STAFF");
    expect(result.owners).toBe(0);
    expect(describeGrant(result)).toContain(
      "The shop has no owner now: name one with npm run admin:add -- EMAIL.",
    );
  });

  it("refuses something that is not an email, creating nothing", async () => {
    const count = await database.db.user.count();
    await expect(grantAdmin(database.db, "not-an-email")).rejects.toThrow(/must be an email/);
    expect(await database.db.user.count()).toBe(count);
  });
});
