import path from "node:path";
import { SIMULATED_X_APP, SIMULATED_X_CONSUMER } from "@/lib/env";
import { startSimulator } from "@/sim/server";

/** The X simulator, registered with this app's credentials and callback URLs. */
export function startSimulatorFor(options: {
  appUrl: string;
  port: number;
  dataDir: string;
  fresh?: boolean;
}) {
  return startSimulator({
    port: options.port,
    snapshotPath: path.join(options.dataDir, "sim-state.json"),
    fresh: options.fresh ?? false,
    apps: [
      {
        name: "replycart",
        ...SIMULATED_X_APP,
        ...SIMULATED_X_CONSUMER,
        redirectUris: [
          `${options.appUrl}/api/auth/callback/twitter`,
          `${options.appUrl}/api/auth/callback/x-brand`,
        ],
      },
    ],
  });
}
