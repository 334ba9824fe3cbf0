import { z } from "zod";

// The one place that reads process.env. Everything else imports `env` or calls `parseEnv`.

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must be a postgres:// or postgresql:// URL with a host");

const portError = { error: "must be a port number (1-65535)" };
const port = z.coerce.number(portError).int(portError).min(1, portError).max(65535, portError);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: port.default(54320),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).default("admin@replycart.local"),
});

type ParsedEnv = z.infer<typeof envSchema>;
export type Env = Omit<ParsedEnv, "APP_URL"> & { APP_URL: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses a set of variables; throws EnvError whose message names every bad variable. */
export function parseEnv(
  source: Record<string, string | undefined> = process.env,
  { requireDatabase = true }: { requireDatabase?: boolean } = {},
): Env {
  // Empty strings mean "unset" so `FOO= npm start` behaves like leaving FOO out.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".") || "(env)"} ${issue.message}`,
    );
    throw new EnvError(`Invalid configuration: ${problems.join("; ")}`);
  }
  if (requireDatabase && !result.data.DATABASE_URL) {
    throw new EnvError("Invalid configuration: DATABASE_URL is required");
  }
  const data = result.data;
  return { ...data, APP_URL: data.APP_URL ?? `http://localhost:${data.PORT}` };
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The database URL for app code; the launcher guarantees it is set. */
export function databaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new EnvError("Invalid configuration: DATABASE_URL is required");
  return url;
}
