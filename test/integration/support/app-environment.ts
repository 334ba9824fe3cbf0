import { randomBytes } from "node:crypto";
import { APP_URL } from "./fixtures";

/**
 * Configures this test file's process as the app would be configured, before any lib/ code
 * reads the environment (lib/env caches it; vitest gives every file its own process).
 */
export function configureAppEnvironment({
  databaseUrl,
  simUrl,
}: {
  databaseUrl: string;
  simUrl: string;
}) {
  const key = randomBytes(32).toString("base64");
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    APP_URL,
    NEXTAUTH_URL: APP_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: key,
    X_API_BASE_URL: simUrl,
    // The demo's configuration on a database of its own: the dev mailbox, no SMTP.
    REPLYCART_MODE: "demo",
  });
  delete process.env.X_CLIENT_ID;
  delete process.env.SMTP_URL;
  return { tokenKey: key };
}
