import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = {
  NEXTAUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEY: string;
  /**
   * Signs the simulator's webhook deliveries. The simulator's built-in one is public (it is in
   * this repository), so a demo reachable from other machines would take forged deliveries.
   */
  X_CONSUMER_SECRET: string;
};

const makers: { [Name in keyof LocalSecrets]: () => string } = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  X_CONSUMER_SECRET: () => randomBytes(32).toString("base64url"),
};

/**
 * The demo's own secrets: made on first start and kept under DATA_DIR (mode 0600), so sessions,
 * encrypted tokens and the simulator's webhooks survive a restart. A file from an older release
 * gets the secrets it lacks; the ones it has are kept. Real deployments set them in the
 * environment.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>)
    : {};
  const missing = (Object.keys(makers) as (keyof LocalSecrets)[]).filter((name) => !stored[name]);
  const secrets = { ...stored } as LocalSecrets;
  for (const name of missing) secrets[name] = makers[name]();
  if (missing.length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
