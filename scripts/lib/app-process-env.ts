import type { Env } from "@/lib/env";
import { loadOrCreateLocalSecrets } from "./local-secrets";

/**
 * The configuration the app runs with on `databaseUrl`: what the operator set, plus the
 * demo's own secrets, and the mode decided from what the operator set (the app must not
 * re-derive it from the DATABASE_URL a launcher hands it). Against the simulator the demo signs
 * webhooks with a consumer secret of its own, on a database of one's own too.
 */
export function appProcessEnv(env: Env, databaseUrl: string): NodeJS.ProcessEnv {
  const local =
    env.x.simulated || !env.DATABASE_URL ? loadOrCreateLocalSecrets(env.DATA_DIR) : null;
  return {
    ...(local && !env.DATABASE_URL ? local : {}),
    ...(local && env.x.simulated ? { X_CONSUMER_SECRET: local.X_CONSUMER_SECRET } : {}),
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL: env.APP_URL,
    NEXTAUTH_URL: env.APP_URL,
    REPLYCART_MODE: env.mode,
  };
}
