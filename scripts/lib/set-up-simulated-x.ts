import { setTimeout as sleep } from "node:timers/promises";
import { createPrismaClient } from "@/lib/database/db";
import { describeSetup, setUpX } from "@/lib/brand/set-up-x";

/**
 * The embedded default's `npm run x:setup`: once the app answers (the simulator checks the
 * webhook's CRC before registering it), registers the webhook and the brand's subscriptions, so
 * replies in the simulator reach the inbox. A failure is logged, never fatal: the shop still runs.
 */
export async function setUpSimulatedX(options: {
  appUrl: string;
  databaseUrl: string;
  log: (line: string) => void;
}) {
  const health = new URL("/api/health", options.appUrl);
  for (let waited = 0; ; waited += 500) {
    const up = await fetch(health)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) break;
    if (waited > 120_000)
      return options.log("X setup skipped: the app did not answer in 2 minutes.");
    await sleep(500);
  }
  const db = createPrismaClient(options.databaseUrl);
  try {
    const report = await setUpX(
      { webhookUrl: new URL("/api/x/webhook", options.appUrl).toString() },
      db,
    );
    for (const line of describeSetup(report)) options.log(`X setup: ${line}`);
  } catch (error) {
    options.log(`X setup failed (run npm run x:setup to retry): ${(error as Error).message}`);
  } finally {
    await db.$disconnect();
  }
}
