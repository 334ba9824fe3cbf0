import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { consentAtX, signedInUser } from "./support/auth-browser";
import { useAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { tokensIssuedDuring } from "./support/x-grants";
import { startXOutage } from "./support/x-outage";

// X can issue a grant and then fail to answer /2/users/me (an outage, or that endpoint's tight
// rate limit). next-auth then stops before our signIn callback could keep the grant, so the
// grant must be revoked where the profile is read.

let database: TestDatabase;
let sim: RunningSimulator;
let outage: Awaited<ReturnType<typeof startXOutage>>;

beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  outage = await startXOutage(
    sim.url,
    (method, path) => method === "GET" && path === "/2/users/me",
  );
  useAppEnvironment({ databaseUrl: database.url, simUrl: outage.url });
});
afterAll(async () => {
  await outage?.close();
  await sim?.close();
  await database?.drop();
});

it("revokes a grant whose profile X could not return, and links nothing", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const { browser } = await signedInUser(database.db);
  const authorize = await browser.startOAuth("twitter");
  const query = await consentAtX(authorize.url, "carol");
  const { result, issued } = await tokensIssuedDuring(sim.url, "carol", () =>
    browser.callback("twitter", query),
  );
  warn.mockRestore();
  expect(result.redirect).toMatch(/error=/);
  expect(await database.db.account.count({ where: { provider: "twitter" } })).toBe(0);
  expect(issued.length).toBeGreaterThan(0);
  expect(issued.filter((token) => token.live)).toEqual([]);
});
