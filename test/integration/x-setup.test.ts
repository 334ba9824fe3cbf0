import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET, POST } from "@/app/api/x/webhook/route";
import { describeSetup, setUpX } from "@/lib/brand/set-up-x";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { connectSimulatedBrand } from "../../scripts/lib/connect-simulated-brand";
import { configureAppEnvironment } from "./support/app-environment";
import { signedInUser } from "./support/fixtures";
import { simJson } from "./support/reply-pipeline";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// x:setup against the simulator, which checks our webhook's CRC over HTTP like X does, and then
// delivers a shopper's reply to that webhook: from a reply at X to a row in our inbox.

let database: TestDatabase;
let sim: RunningSimulator;
let app: Server;
let webhookUrl: string;
const dataDir = mkdtempSync(path.join(tmpdir(), "x-setup-"));

beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  configureAppEnvironment({ databaseUrl: database.url, simUrl: sim.url });
  // The real route handler, served over HTTP for the simulator to call.
  app = createAdaptorServer({
    fetch: (request: Request) => (request.method === "GET" ? GET(request) : POST(request)),
  }) as Server;
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/x/webhook`;
});
afterAll(async () => {
  app?.closeAllConnections();
  await new Promise((resolve) => app?.close(resolve));
  await sim?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The brand as `npm start` connects it: the simulator's @replycart, owned by an admin. */
async function connectSimBrand() {
  await signedInUser(database.db, "OWNER");
  await connectSimulatedBrand({
    databaseUrl: database.url,
    simUrl: sim.url,
    dataDir,
    log: () => undefined,
  });
}

it("registers only the webhook while no brand account is connected, and says so", async () => {
  const report = await setUpX({ webhookUrl });
  expect(report.steps).toEqual([
    expect.objectContaining({ result: "created" }),
    expect.objectContaining({ what: "oauth.revoke for every user of the app", result: "created" }),
  ]);
  expect(describeSetup(report).at(-1)).toMatch(/No brand account is connected/);
  // X checked our CRC answer before it registered the webhook.
  const crc = await simJson<{ deliveries: { kind: string; attempts: { status: number }[] }[] }>(
    sim,
    "/_sim/deliveries?kind=crc",
  );
  expect(crc.deliveries.flatMap((d) => d.attempts.map((a) => a.status))).toContain(200);
});

it("subscribes the brand's replies, mentions and deletes, and a second run changes nothing", async () => {
  await connectSimBrand();
  const first = await setUpX({ webhookUrl });
  expect(first.steps.map((step) => step.result)).toEqual([
    "existing",
    "existing",
    "created",
    "created",
    "created",
  ]);
  const second = await setUpX({ webhookUrl });
  expect(second.steps.map((step) => step.result)).toEqual([
    "existing",
    "existing",
    "existing",
    "existing",
    "existing",
  ]);
  expect(second.webhookId).toBe(first.webhookId);
});

it("puts a shopper's reply to a brand post into the inbox, delivered by X over HTTP", async () => {
  const brandPost = await simJson<{ data: { id: string } }>(sim, "/_sim/posts", {
    username: "replycart",
    text: "New in: the Organic Cotton Tee https://shop.example/p/us-organic-tee",
  });
  const reply = await simJson<{ data: { id: string } }>(sim, "/_sim/posts", {
    username: "alice",
    text: "@replycart #addtocart 2 size M",
    in_reply_to_tweet_id: brandPost.data.id,
  });
  await simJson(sim, "/_sim/deliveries/settle", {});
  const rows = await database.db.tweetEvent.findMany({ where: { tweetId: reply.data.id } });
  expect(rows).toEqual([
    expect.objectContaining({
      source: "XAA",
      inReplyToId: brandPost.data.id,
      text: "@replycart #addtocart 2 size M",
    }),
  ]);
});
