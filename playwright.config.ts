import { defineConfig, devices } from "@playwright/test";
import { parseEnv } from "./lib/env";
import { nextServerArgs } from "./scripts/lib/next-server-args";

// Run through `npm test`, which prepares E2E_DATABASE_URL (migrated and seeded) and a build.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4011);
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error("E2E_DATABASE_URL is unset: run the browser tests with `npm test`.");

// The app as `npm start` runs the demo on a database of its own: explicitly in demo mode (dev
// mailbox, loopback only). The per-IP sign-in limit is raised because every test signs in from
// 127.0.0.1; the per-address limit stays as shipped.
const appEnv = {
  DATABASE_URL: databaseUrl,
  APP_URL: `http://127.0.0.1:${appPort}`,
  NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
  REPLYCART_MODE: "demo",
  PORT: String(appPort),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // Test-only secrets for a throwaway database.
  NEXTAUTH_SECRET: "e2e-only-nextauth-secret-0123456789abcdef",
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  SIGN_IN_EMAILS_PER_IP: "1000",
  SIM_PORT: String(simPort),
};

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    {
      name: "shop",
      testIgnore: /sim-.*\.spec\.ts$/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${appPort}` },
    },
    {
      name: "sim",
      testMatch: /sim-.*\.spec\.ts$/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${simPort}` },
    },
  ],
  webServer: [
    {
      command: ["node_modules/.bin/next", ...nextServerArgs(parseEnv(appEnv))].join(" "),
      url: `http://127.0.0.1:${appPort}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node_modules/.bin/tsx scripts/e2e-simulator.ts",
      url: `http://127.0.0.1:${simPort}/`,
      env: { E2E_SIM_PORT: String(simPort), E2E_APP_URL: `http://127.0.0.1:${appPort}` },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
