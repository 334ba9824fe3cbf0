import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { AuthBrowser, consentAtX } from "./support/auth-browser";
import { useAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { tokensIssuedDuring } from "./support/x-grants";

// Revocation is best effort: when X's revoke endpoint fails, a refused sign-in still answers
// with its refusal, and one warning line without tokens says a grant may be left alive.

let database: TestDatabase;
let sim: RunningSimulator;
let outage: Server;

/** X as the simulator plays it, except that POST /2/oauth2/revoke answers 503. */
async function startRevokeOutage(target: string) {
  const server = createServer((incoming, outgoing) => {
    if (incoming.method === "POST" && incoming.url === "/2/oauth2/revoke") {
      incoming.resume();
      outgoing
        .writeHead(503, { "content-type": "application/json" })
        .end('{"title":"Service Unavailable"}');
      return;
    }
    const forwarded = request(
      new URL(incoming.url ?? "/", target),
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  outage = await startRevokeOutage(sim.url);
  const { port } = outage.address() as AddressInfo;
  useAppEnvironment({ databaseUrl: database.url, simUrl: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  outage?.closeAllConnections();
  await new Promise((resolve) => outage?.close(resolve));
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
