// The app's configuration for the browser tests, shared by playwright.config.ts (the servers it
// starts) and specs that call lib/ code directly (connecting the brand, posting the catalog).

export const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
export const simPort = Number(process.env.E2E_SIM_PORT ?? 4011);
export const appUrl = `http://127.0.0.1:${appPort}`;
export const simUrl = `http://127.0.0.1:${simPort}`;

/**
 * The app as `npm start` runs the demo on a database of its own: explicitly in demo mode (dev
 * mailbox, loopback only). The per-IP sign-in limit is raised because every test signs in from
 * 127.0.0.1; the per-address limit stays as shipped.
 */
export function e2eAppEnv(): Record<string, string> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl)
    throw new Error("E2E_DATABASE_URL is unset: run the browser tests with `npm test`.");
  return {
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    REPLYCART_MODE: "demo",
    PORT: String(appPort),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // Test-only secrets for a throwaway database.
    NEXTAUTH_SECRET: "e2e-only-nextauth-secret-0123456789abcdef",
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    SIGN_IN_EMAILS_PER_IP: "1000",
    SIM_PORT: String(simPort),
  };
}
