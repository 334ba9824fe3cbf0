import type { Env } from "@/lib/env";
import { loadOrCreateLocalSecrets } from "./local-secrets";

/**
 * The configuration the app runs with on `databaseUrl`: what the operator set, plus the
 * embedded default's own secrets, and the mode decided from what the operator set (the app
 * must not re-derive it from the DATABASE_URL a launcher hands it).
 */
export function appProcessEnv(env: Env, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...(env.DATABASE_URL ? {} : loadOrCreateLocalSecrets(env.DATA_DIR)),
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL: env.APP_URL,
    NEXTAUTH_URL: env.APP_URL,
    REPLYCART_MODE: env.mode,
  };
}
