import path from "node:path";
import { BRAND_PROVIDER_ID, X_PROVIDER_ID } from "@/lib/x/x-providers";
import { SIMULATED_X_APP, SIMULATED_X_CONSUMER } from "@/lib/env";
import { startSimulator } from "@/sim/server";

/** The X simulator, registered with this app's credentials and callback URLs. */
export function startSimulatorFor(options: {
  appUrl: string;
  port: number;
  dataDir: string;
  /** The app's consumer secret, which signs the simulator's deliveries to it. */
  consumerSecret: string;
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
        consumerSecret: options.consumerSecret,
        redirectUris: [
          `${options.appUrl}/api/auth/callback/${X_PROVIDER_ID}`,
          `${options.appUrl}/api/auth/callback/${BRAND_PROVIDER_ID}`,
        ],
      },
    ],
  });
}
