// The simulator for the browser tests: fresh state, callbacks registered for the test app.
import { startSimulatorFor } from "./lib/start-simulator";

const port = Number(process.env.E2E_SIM_PORT ?? 4011);
const appUrl = process.env.E2E_APP_URL ?? "http://127.0.0.1:3100";

startSimulatorFor({
  appUrl,
  port,
  dataDir: process.env.E2E_SIM_DATA_DIR ?? "reports/sim-data",
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
