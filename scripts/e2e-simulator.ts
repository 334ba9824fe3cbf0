// The simulator for the browser tests: fresh state, callbacks registered for the test app.
import { SIMULATED_X_CONSUMER } from "@/lib/env";
import { startSimulatorFor } from "./lib/start-simulator";

const port = Number(process.env.E2E_SIM_PORT ?? 4011);
const appUrl = process.env.E2E_APP_URL ?? "http://127.0.0.1:3100";

startSimulatorFor({
  appUrl,
  port,
  dataDir: process.env.E2E_SIM_DATA_DIR ?? "reports/sim-data",
  // The e2e app has no secret of its own: it signs with the simulator's built-in one.
  consumerSecret: SIMULATED_X_CONSUMER.consumerSecret,
  fresh: true,
}).then(
  (sim) => {
    console.log(`[e2e] X simulator on ${sim.url}`);
    const stop = () => void sim.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
