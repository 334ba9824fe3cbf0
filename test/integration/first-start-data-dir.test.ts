import { SIMULATED_X_CONSUMER } from "@/lib/env";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBrandStatus } from "@/lib/brand/brand-account";
import type { RunningSimulator } from "@/sim/server";
import { connectSimulatedBrand } from "../../scripts/lib/connect-simulated-brand";
import { loadOrCreateLocalSecrets } from "../../scripts/lib/local-secrets";
import { startSimulatorFor } from "../../scripts/lib/start-simulator";
import { APP_URL } from "./support/fixtures";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The first `npm start` with a DATA_DIR that does not exist yet (here with DATABASE_URL set,
// so no embedded Postgres creates the folder first): every piece that writes there makes it.

const parent = mkdtempSync(path.join(os.tmpdir(), "replycart-first-start-"));
// One missing folder per writer, so none of them finds it made by another.
const missing = (name: string) => path.join(parent, name, "not-there-yet");
let database: TestDatabase;
let sim: RunningSimulator;

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startSimulatorFor({
    appUrl: APP_URL,
    port: 0,
    dataDir: missing("simulator"),
    consumerSecret: SIMULATED_X_CONSUMER.consumerSecret,
    fresh: true,
  });
  configureAppEnvironment({ databaseUrl: database.url, simUrl: sim.url });
  await database.db.user.create({ data: { email: "admin@example.com", role: "OWNER" } });
});
afterAll(async () => {
  await sim?.close();
  await database?.drop();
  rmSync(parent, { recursive: true, force: true });
});

describe("first start with a DATA_DIR that does not exist", () => {
  it("connects the simulated brand and remembers it did, in the new folder", async () => {
    const dataDir = missing("brand");
    const lines: string[] = [];
    await connectSimulatedBrand({
      databaseUrl: database.url,
      simUrl: sim.url,
      dataDir,
      log: (line) => lines.push(line),
    });
    expect((await getBrandStatus(database.db))?.username).toBe("replycart");
    expect(existsSync(path.join(dataDir, "brand-auto-connected"))).toBe(true);
    expect(lines).toEqual(["Connected the simulator's @replycart as the shop's brand account."]);
  });

  it("keeps the local secrets there, readable by their owner only", () => {
    const dataDir = missing("secrets");
    const secrets = loadOrCreateLocalSecrets(dataDir);
    expect(statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateLocalSecrets(dataDir)).toEqual(secrets);
  });

  it("saves the simulator's state there", async () => {
    await fetch(`${sim.url}/_sim/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "erin" }),
    });
    await sim.close();
    expect(existsSync(path.join(missing("simulator"), "sim-state.json"))).toBe(true);
  });
});
