import { defineConfig, devices } from "@playwright/test";
import { webServerCommand } from "./scripts/lib/web-server-command";
import { appUrl, e2eAppEnv, simPort, simUrl } from "./e2e/support/app-env";

// Run through `npm test`, which prepares E2E_DATABASE_URL (migrated and seeded) and a build.
const appEnv = e2eAppEnv();

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
      use: { ...chromium, baseURL: appUrl },
    },
    {
      name: "sim",
      testMatch: /sim-.*\.spec\.ts$/,
      use: { ...chromium, baseURL: simUrl },
    },
  ],
  webServer: [
    {
      command: webServerCommand().flat().join(" "),
      url: `${appUrl}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node_modules/.bin/tsx scripts/e2e-simulator.ts",
      url: `${simUrl}/`,
      env: { E2E_SIM_PORT: String(simPort), E2E_APP_URL: appUrl },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The reply processor and the outbox, as `npm run worker` runs them (it has no port).
      command: "node_modules/.bin/tsx scripts/worker.ts",
      env: appEnv,
      reuseExistingServer: false,
    },
  ],
});
