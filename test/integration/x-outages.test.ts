import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { AuthBrowser, consentAtX } from "./support/auth-browser";
import { APP_URL, signedInUser } from "./support/fixtures";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { tokensIssuedDuring } from "./support/x-grants";
import { startXOutage } from "./support/x-outage";

// One endpoint of X down while the rest works. Revocation is best effort: when X cannot
// revoke, a refused sign-in still answers with its refusal and one warning line without tokens
// says a grant may be left alive. When X issues a grant but cannot return the profile, next-auth
// stops before our signIn callback could keep it, so it is revoked where the profile is read.

let database: TestDatabase;
let sim: RunningSimulator;
let outage: Awaited<ReturnType<typeof startXOutage>>;
let down = { method: "", path: "" };

beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  outage = await startXOutage(
    sim.url,
    (method, path) => method === down.method && path === down.path,
  );
  configureAppEnvironment({ databaseUrl: database.url, simUrl: outage.url });
});
afterAll(async () => {
  await outage?.close();
  await sim?.close();
  await database?.drop();
});

it("answers a refused sign-in as usual and logs one line without tokens when X cannot revoke", async () => {
  down = { method: "POST", path: "/2/oauth2/revoke" };
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const stranger = new AuthBrowser(APP_URL);
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
  expect(lines[0]).toMatch(/^\[x\] revoking .*XNotLinked.* failed \(X answered 503\)$/);
  expect(lines[0]).not.toContain("\n");
  expect(issued).not.toHaveLength(0);
  for (const { token } of issued) expect(lines[0]).not.toContain(token);
});

it("revokes a grant whose profile X could not return, and links nothing", async () => {
  down = { method: "GET", path: "/2/users/me" };
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
