// npm test: lint, typecheck, unit, simulator, integration and browser tests, with their own
// Postgres when DATABASE_URL is unset. Ends with `tests: N passed, M failed`.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withDatabase } from "@/lib/database/pg-adapter";
import { adminQuery, assertLocalDatabase } from "../test/support/local-database";
import { buildIfNeeded } from "./lib/build-if-needed";
import { findLoggedAddresses } from "./lib/find-logged-addresses";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { bin, run } from "./lib/run";
import {
  formatProblems,
  formatTally,
  RUNS_FILE,
  summarizeReports,
  type RunsReport,
} from "./lib/summarize-reports";

const REPORTS = "reports";
const VITEST_LOG = `${REPORTS}/vitest.log`;
const PLAYWRIGHT_LOG = `${REPORTS}/playwright.log`;
const log = (line: string) => console.log(`\n[test] ${line}`);
const cleanups: (() => Promise<void>)[] = [];
const runs: RunsReport = { checks: {}, exitCodes: {} };

async function check(name: string, command: string, args: string[]) {
  log(name);
  runs.checks[name] = (await run(command, args)) === 0;
}

async function databaseServer(): Promise<string> {
  if (process.env.DATABASE_URL) return assertLocalDatabase(process.env.DATABASE_URL);
  log("No DATABASE_URL: starting a throwaway embedded Postgres");
  const server = await startEmbeddedPostgres({
    dir: path.join(".data", `test-postgres-${randomBytes(3).toString("hex")}`),
    port: Number(process.env.TEST_PG_PORT ?? 54330),
    persistent: false,
  });
  cleanups.push(server.stop);
  return server.serverUrl;
}

async function browserTests(serverUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const name = `replycart_e2e_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  const databaseUrl = withDatabase(serverUrl, name);
  const appUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3100}`;
  await prepareDatabase({
    databaseUrl,
    appUrl,
    adminEmail: "admin@replycart.local",
    mode: "demo",
    log,
  });
  await buildIfNeeded({ ...env, DATABASE_URL: databaseUrl }, log);
  log("browser tests (Playwright, Chromium)");
  runs.exitCodes.playwright = await run(bin("playwright"), ["test"], {
    env: { ...env, E2E_DATABASE_URL: databaseUrl },
    teeTo: PLAYWRIGHT_LOG,
  });
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  await check("lint", bin("eslint"), ["."]);
  await check("format", bin("prettier"), ["--check", "."]);
  // No import cycles in lib/ (npm run lint:cycles; the generated Prisma client is not ours).
  await check("cycles", bin("madge"), [
    "--circular",
    "--ts-config",
    "tsconfig.json",
    "--extensions",
    "ts,tsx",
    "--exclude",
    "^generated/",
    "lib/",
  ]);
  await check("typecheck", bin("tsc"), ["--noEmit"]);

  const serverUrl = await databaseServer();
  log("unit, simulator and integration tests (vitest)");
  runs.exitCodes.vitest = await run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/vitest.json`],
    { env: { ...env, DATABASE_URL: serverUrl }, teeTo: VITEST_LOG },
  );

  try {
    await browserTests(serverUrl, env);
  } catch (error) {
    console.error(`[test] browser tests could not run: ${(error as Error).message}`);
    runs.checks["browser tests setup"] = false;
  }

  // What the runs printed holds the app's, the workers' and the simulator's logs too: no line
  // may carry an address (the test users' stand in for shoppers').
  log("no email address in any log line");
  const leaks = findLoggedAddresses([VITEST_LOG, PLAYWRIGHT_LOG]);
  for (const place of leaks.slice(0, 20))
    console.error(`[test] an email address is logged at ${place}`);
  runs.checks["no addresses in logs"] = leaks.length === 0;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    runs.checks["test run"] = false;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    writeFileSync(`${REPORTS}/${RUNS_FILE}`, JSON.stringify(runs, null, 2));
    const tally = summarizeReports(REPORTS);
    if (tally.problems.length) console.error(`\n${formatProblems(tally)}`);
    console.log(`\n${formatTally(tally)}`);
    // Explicit exit: embedded-postgres's exit hook would otherwise end the process with 0.
    process.exit(tally.failed > 0 ? 1 : 0);
  });
