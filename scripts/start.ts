// npm start: the whole product on one machine. Without DATABASE_URL it runs an embedded
// Postgres under DATA_DIR; with it, it uses that database and starts nothing else.
import type { ChildProcess } from "node:child_process";
import { assertServable, DEMO_ADMIN_EMAIL, EnvError, parseEnv, type Env } from "@/lib/env";
import { demoExposureWarning, describeMode } from "@/lib/server-mode";
import { connectSimulatedBrand } from "./lib/connect-simulated-brand";
import { buildIfNeeded } from "./lib/build-if-needed";
import {
  APP_DATABASE,
  embeddedClusterDir,
  ensureDatabase,
  startEmbeddedPostgres,
} from "./lib/embedded-postgres";
import { appProcessEnv } from "./lib/app-process-env";
import { webServerCommand } from "./lib/web-server-command";
import { setUpSimulatedX } from "./lib/set-up-simulated-x";
import { postDemoCatalog } from "./lib/post-demo-catalog";
import { prepareDatabase } from "./lib/prepare-database";
import { startSimulatorFor } from "./lib/start-simulator";
import { startChild } from "./lib/run";
import { startWorkers } from "@/lib/worker/start-workers";

const log = (line: string) => console.log(`[replycart] ${line}`);
const dev = process.argv.includes("--dev");
const cleanups: (() => Promise<void>)[] = [];

async function main(env: Env) {
  log(describeMode(env));
  const warning = demoExposureWarning(env);
  if (warning) log(warning);
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = embeddedClusterDir(env.DATA_DIR);
    log(`Starting embedded Postgres in ${dir}...`);
    const server = await startEmbeddedPostgres({
      dir,
      port: env.EMBEDDED_PG_PORT,
    });
    cleanups.push(server.stop);
    databaseUrl = await ensureDatabase(server.serverUrl, APP_DATABASE);
  }

  const childEnv = { ...appProcessEnv(env, databaseUrl), NEXT_TELEMETRY_DISABLED: "1" };
  const appEnv = parseEnv(childEnv); // everything the app needs, before anything slow
  // In-process helpers below (brand auto-connect) use the app's configuration too.
  Object.assign(process.env, childEnv);
  await prepareDatabase({
    databaseUrl,
    appUrl: env.APP_URL,
    // assertServable made sure a deployment names one; a demo has its own.
    adminEmail: env.ADMIN_EMAIL ?? DEMO_ADMIN_EMAIL,
    mode: env.mode,
    log,
  });
  if (env.x.simulated) {
    const sim = await startSimulatorFor({
      appUrl: env.APP_URL,
      port: env.SIM_PORT,
      dataDir: env.DATA_DIR,
      consumerSecret: appEnv.x.consumerSecret,
    });
    cleanups.push(sim.close);
    log(`X simulator at ${sim.url} (post and reply as demo users there).`);
    await connectSimulatedBrand({ databaseUrl, simUrl: sim.url, dataDir: env.DATA_DIR, log });
    await postDemoCatalog({ databaseUrl, appUrl: env.APP_URL, log });
  }
  if (!dev) await buildIfNeeded(childEnv, log);
  // The reply processor and the outbox, in this process (npm run worker adds more).
  const workers = await startWorkers(appEnv, databaseUrl, (line) => log(`worker: ${line}`));
  cleanups.push(workers.stop);

  const next = startChild(...webServerCommand(dev), {
    ...childEnv,
    NODE_ENV: dev ? "development" : "production",
  });
  log(`The shop is at ${env.APP_URL} (Ctrl-C stops everything).`);
  if (env.x.simulated) void setUpSimulatedX({ appUrl: env.APP_URL, databaseUrl, log });
  await waitForExit(next);
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => child.kill("SIGTERM");
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    child.once("exit", (code) => {
      if (code) process.exitCode = code;
      resolve();
    });
  });
}

async function shutdown() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}

let env: Env;
try {
  env = parseEnv(process.env, { forApp: false });
  assertServable(env);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

main(env)
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof EnvError ? message : `[replycart] ${message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await shutdown();
    log("Stopped.");
    // Explicit exit: embedded-postgres's exit hook would otherwise replace our exit code.
    process.exit(process.exitCode ?? 0);
  });
