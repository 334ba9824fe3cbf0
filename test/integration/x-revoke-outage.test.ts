import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { AuthBrowser, consentAtX } from "./support/auth-browser";
import { useAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { tokensIssuedDuring } from "./support/x-grants";
import { startXOutage } from "./support/x-outage";

// Revocation is best effort: when X's revoke endpoint fails, a refused sign-in still answers
// with its refusal, and one warning line without tokens says a grant may be left alive.

let database: TestDatabase;
let sim: RunningSimulator;
let outage: Awaited<ReturnType<typeof startXOutage>>;

beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  // X's revoke endpoint is down; everything else works.
  outage = await startXOutage(
    sim.url,
    (method, path) => method === "POST" && path === "/2/oauth2/revoke",
  );
  useAppEnvironment({ databaseUrl: database.url, simUrl: outage.url });
});
afterAll(async () => {
  await outage?.close();
  await sim?.close();
  await database?.drop();
});

it("answers a refused sign-in as usual and logs one line without tokens when X cannot revoke", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const stranger = new AuthBrowser();
  const authorize = await stranger.startOAuth("twitter");
  const query = await consentAtX(authorize.url, "dave");
  const { result, issued } = await tokensIssuedDuring(sim.url, "dave", () =>
    stranger.callback("twitter", query),
  );
  expect(result.redirect).toBe("/signin?error=XNotLinked");
  expect(await database.db.account.count()).toBe(0);

  const lines = warn.mock.calls.map((args) => args.join(" "));
  warn.mockRestore();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^x: revoking .*XNotLinked.* failed \(X answered 503\)$/);
  expect(lines[0]).not.toContain("\n");
  expect(issued).not.toHaveLength(0);
  for (const { token } of issued) expect(lines[0]).not.toContain(token);
});
