import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/sim/server";
import { startSimulator } from "@/sim/server";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { disconnectBrand } from "@/lib/brand/brand-account";
import { consentAtX } from "./support/auth-browser";
import { configureAppEnvironment } from "./support/app-environment";
import { signedInUser } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The audit log on real Postgres: written in the transaction of the change it records (the
// brand connect through next-auth's real OAuth handler and the simulator, the disconnect the
// console's action runs), kept when its actor's account goes, and read a page at a time.

let database: TestDatabase;
let sim: RunningSimulator;
beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  configureAppEnvironment({ databaseUrl: database.url, simUrl: sim.url });
});
afterAll(async () => {
  await sim?.close();
  await database?.drop();
});

const events = (action: string) =>
  database.db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

async function connectAs(role: "OWNER" | "STAFF", username: string) {
  const person = await signedInUser(database.db, role);
  const authorize = await person.browser.startOAuth("x-brand");
  const response = await person.browser.callback(
    "x-brand",
    await consentAtX(authorize.url, username),
  );
  return { ...person, response };
}

describe("the brand account's changes", () => {
  it("records a connection by the owner, with the account it replaced", async () => {
    const first = await connectAs("OWNER", "replycart");
    expect(first.response.redirect).toBe("/admin/x?notice=connected");
    const second = await connectAs("OWNER", "alice");
    expect(second.response.redirect).toContain("notice=replaced");

    const recorded = await events("brand.connect");
    expect(recorded).toEqual([
      expect.objectContaining({
        actorId: first.user.id,
        actorEmail: first.user.email,
        subjectType: "Account",
        before: null,
        after: { xUserId: "1800000000000000001", username: "replycart" },
      }),
      expect.objectContaining({
        actorId: second.user.id,
        before: { xUserId: "1800000000000000001", username: "replycart" },
        after: expect.objectContaining({ username: "alice" }),
      }),
    ]);
    const brand = await database.db.account.findFirstOrThrow({ where: { provider: "x-brand" } });
    expect(recorded[1]!.subjectId).toBe(brand.id);
  });

  it("records nothing when staff try to connect, and connects nothing", async () => {
    const before = await database.db.auditEvent.count();
    const staff = await connectAs("STAFF", "replycart");
    expect(staff.response.redirect).toBe("/account?error=AccessDenied");
    expect(await database.db.auditEvent.count()).toBe(before);
    const brand = await database.db.account.findFirstOrThrow({ where: { provider: "x-brand" } });
    expect(brand.username).toBe("alice");
  });

  it("records a disconnection with what was connected, and returns its receipt", async () => {
    const { user } = await signedInUser(database.db, "OWNER");
    const brand = await database.db.account.findFirstOrThrow({ where: { provider: "x-brand" } });
    const result = await disconnectBrand(user, database.db);
    expect(result.disconnected).toBe(true);
    const [event] = await events("brand.disconnect");
    expect(result.disconnected && result.audit.eventId).toBe(event!.id);
    expect(event).toMatchObject({
      actorId: user.id,
      actorEmail: user.email,
      subjectType: "Account",
      subjectId: brand.id,
      before: { username: "alice" },
      after: null,
    });
    // Nothing to disconnect: nothing recorded.
    expect(await disconnectBrand(user, database.db)).toEqual({ disconnected: false });
    expect(await events("brand.disconnect")).toHaveLength(1);
  });
});

describe("recordAudit", () => {
  it("is undone with the transaction it was written in", async () => {
    const { user } = await signedInUser(database.db, "OWNER");
    const before = await database.db.auditEvent.count();
    await expect(
      database.db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
        await recordAudit(tx, {
          actor: user,
          action: "user.role",
          subject: { type: "User", id: user.id },
          after: { name: "Renamed" },
        });
        throw new Error("the change failed after its record");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.auditEvent.count()).toBe(before);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBeNull();
  });

  it("keeps the actor's email when their account is deleted", async () => {
    const { user } = await signedInUser(database.db, "OWNER");
    const { eventId } = await recordAudit(database.db, {
      actor: user,
      action: "brand.disconnect",
      subject: { type: "Account", id: "gone" },
    });
    await database.db.user.delete({ where: { id: user.id } });
    const event = await database.db.auditEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event).toMatchObject({ actorId: null, actorEmail: user.email });
  });
});

describe("listAuditEvents", () => {
  beforeAll(async () => {
    await database.db.auditEvent.deleteMany();
    // 120 events over 60 milliseconds, two to a millisecond: ties the id must break.
    const start = Date.UTC(2026, 11, 1, 12);
    await database.db.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        action: i % 3 === 0 ? "brand.connect" : "user.role",
        subjectType: "Test",
        subjectId: String(i),
        createdAt: new Date(start + Math.floor(i / 2)),
      })),
    });
  });

  async function readAll(action?: "brand.connect") {
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await listAuditEvents({ before, action }, database.db);
      if (!page.found) throw new Error("cursor not found");
      seen.push(...page.events.map((event) => event.subjectId));
      if (!page.olderCursor) return seen;
      before = page.olderCursor;
    }
  }

  it("pages newest first, 50 at a time, each event once", async () => {
    const first = await listAuditEvents({}, database.db);
    expect(first.found && first.events).toHaveLength(AUDIT_PAGE_SIZE);
    const seen = await readAll();
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const times = await database.db.auditEvent.findMany({
      select: { subjectId: true, createdAt: true },
    });
    const at = new Map(times.map((row) => [row.subjectId, row.createdAt.getTime()]));
    const order = seen.map((id) => at.get(id)!);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it("keeps a later page as it was when newer events arrive meanwhile", async () => {
    const first = await listAuditEvents({}, database.db);
    if (!first.found) throw new Error("first page");
    const second = await listAuditEvents({ before: first.olderCursor! }, database.db);
    await database.db.auditEvent.create({
      data: { action: "user.role", subjectType: "Test", subjectId: "newest" },
    });
    const again = await listAuditEvents({ before: first.olderCursor! }, database.db);
    expect(again).toEqual(second);
    await database.db.auditEvent.deleteMany({ where: { subjectId: "newest" } });
  });

  it("filters by action across pages", async () => {
    const seen = await readAll("brand.connect");
    expect(seen).toHaveLength(40);
    expect(seen.every((id) => Number(id) % 3 === 0)).toBe(true);
  });

  it("says so when the cursor names no event", async () => {
    expect(await listAuditEvents({ before: "no-such-event" }, database.db)).toEqual({
      found: false,
    });
  });
});
