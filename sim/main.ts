// `npm run sim` - the X simulator on its own (tsx sim/main.ts [--fresh] [--port N]).
import { ConfigError, loadConfig } from "./config";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const sim = await startSimulator(config);
  console.log(
    `X simulator on ${sim.url} (state: ${config.snapshotPath}${config.fresh ? ", fresh" : ""})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // close() saves the snapshot before the process goes.
    void sim.close().then(() => {
      console.log(`X simulator stopped (${signal}), state saved.`);
      process.exit(0);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `sim: ${error.message}` : error);
  process.exit(1);
});
