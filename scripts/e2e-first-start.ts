// The browser tests' copy of npm start's first-start steps, for an app and simulator that are
// already running: connect the simulator's brand, post the catalog, register the webhook and
// subscriptions. Configuration comes from the environment (see e2e/support/app-env.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { connectSimulatedBrand } from "./lib/connect-simulated-brand";
import { postDemoCatalog } from "./lib/post-demo-catalog";
import { setUpSimulatedX } from "./lib/set-up-simulated-x";

async function main() {
  const env = parseEnv();
  const databaseUrl = env.DATABASE_URL!;
  const dataDir = mkdtempSync(path.join(tmpdir(), "e2e-first-start-"));
  const log = (line: string) => console.log(`[e2e] ${line}`);
  try {
    await connectSimulatedBrand({ databaseUrl, simUrl: env.x.apiBaseUrl, dataDir, log });
    await postDemoCatalog({ databaseUrl, appUrl: env.APP_URL, log });
    await setUpSimulatedX({ appUrl: env.APP_URL, databaseUrl, log });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
