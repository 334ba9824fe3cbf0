import { z } from "zod";
import { parseTrustedProxies } from "./http/trusted-proxies";

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

// Where the server listens: an IP address (or localhost), never a host name, because some
// shells (tcsh) export HOST=<this machine's name>, which would open the demo to the network.
const hostError = "must be an IP address to listen on, such as 0.0.0.0 (every interface)";
const host = z
  .string()
  .max(64, hostError)
  .regex(/^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*\]?)$/, hostError);

const wholeNumber = (min: number) =>
  z.coerce.number().int().min(min, `must be a whole number of at least ${min}`);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  REPLYCART_MODE: z
    .enum(["demo", "deployment"], { error: 'must be "demo" or "deployment"' })
    .optional(),
  HOST: host.optional(),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: port.default(54320),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .refine(
      (value) => Buffer.from(value, "base64").length === 32,
      "must be 32 bytes, base64-encoded",
    )
    .optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  EMAIL_FROM: z.string().min(3).default("replycart <shop@replycart.local>"),
  SIGN_IN_EMAILS_PER_ADDRESS: wholeNumber(1).default(5),
  SIGN_IN_EMAILS_PER_IP: wholeNumber(1).default(30),
  SIGN_IN_EMAILS_PER_HOUR: wholeNumber(1).default(500),
  TRUSTED_PROXIES: z
    .string()
    .superRefine((value, context) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({
          code: "custom",
          message: `must be comma-separated IP addresses or CIDR blocks: ${(error as Error).message}`,
        });
      }
    })
    .optional(),
  // The reply pipeline (see README, "How a reply travels").
  REPLY_ADDS_PER_MINUTE: wholeNumber(1).default(20),
  REPLY_PARENT_LOOKUP_WEIGHT: wholeNumber(1).default(5),
  PENDING_ADD_DAYS: wholeNumber(1).default(7),
  BOT_REPLIES_PER_15_MINUTES: wholeNumber(1).default(100),
  BOT_NON_ADDED_SHARE_PERCENT: wholeNumber(1).max(100, "must be at most 100").default(50),
  BOT_NON_ADDED_ANSWERS_PER_HOUR: wholeNumber(0).default(1),
  BOT_REPLY_TTL_MINUTES: wholeNumber(1).default(30),
  BOT_REPLY_LINKS: z
    .string()
    .regex(/^[a-z_]*(?:,[a-z_]+)*$/, "must be a comma-separated list of outcomes, e.g. not_linked")
    .default("not_linked"),
  WEBHOOK_MAX_WAITING_BYTES: wholeNumber(1024 * 1024).default(64 * 1024 * 1024),
  JOB_LEASE_SECONDS: wholeNumber(1).default(60),
  // Open live-cart streams (Server-Sent Events) one web process serves; see README.
  LIVE_CART_STREAMS: wholeNumber(1).default(1000),
  // Retention (see README, "What is kept, how long, and why").
  IGNORED_REPLY_TEXT_DAYS: wholeNumber(1).default(7),
  REPLY_TEXT_DAYS: wholeNumber(1).default(30),
  TOMBSTONE_DAYS: wholeNumber(2).default(7),
  PARENT_POST_CACHE_DAYS: wholeNumber(1).default(30),
  SETTLED_PENDING_ADD_DAYS: wholeNumber(1).default(365),
  BOT_ANSWER_DAYS: wholeNumber(1).default(365),
  WORKER_POLL_MS: wholeNumber(500).default(500),
  X_CLIENT_ID: z.string().min(1).optional(),
  X_CLIENT_SECRET: z.string().min(1).optional(),
  X_CONSUMER_KEY: z.string().min(1).optional(),
  X_CONSUMER_SECRET: z.string().min(1).optional(),
  X_API_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  X_AUTHORIZE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  SIM_PORT: port.default(4010),
  // Set by `npm run bench` for its own demo servers only (README, "Benchmarks").
  REPLYCART_BENCH: z.literal("1", { error: 'must be "1" or unset' }).optional(),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** Where the app talks to X: the real API, or the local simulator when no credentials are set. */
export type XConfig = {
  simulated: boolean;
  apiBaseUrl: string;
  authorizeUrl: string;
  clientId: string;
  clientSecret: string;
  /** The app's consumer keys: they sign webhook deliveries and get the app-only bearer token. */
  consumerKey: string;
  consumerSecret: string;
};

/**
 * Demo: the dev mailbox (sign-in links readable on a page), meant for one
 * machine. Deployment: real email, nothing readable without the inbox.
 */
export type Mode = "demo" | "deployment";

export type Env = Omit<ParsedEnv, "APP_URL" | "HOST"> & {
  APP_URL: string;
  /** The merchant's account: the demo's own by default; a deployment must name it. */
  ADMIN_EMAIL: string | undefined;
  mode: Mode;
  /** Where the server listens; undefined lets Next listen on every interface. */
  HOST: string | undefined;
  x: XConfig;
};

// The simulator's built-in app; see sim/README section in the project README.
export const SIMULATED_X_APP = {
  clientId: "replycart-local",
  clientSecret: "replycart-local-secret",
};
export const SIMULATED_X_CONSUMER = {
  consumerKey: "replycart-local-consumer",
  consumerSecret: "replycart-local-consumer-secret",
};

function xConfig(data: ParsedEnv): XConfig {
  if (!data.X_CLIENT_ID) {
    const apiBaseUrl = data.X_API_BASE_URL ?? `http://127.0.0.1:${data.SIM_PORT}`;
    return {
      simulated: true,
      apiBaseUrl,
      authorizeUrl: data.X_AUTHORIZE_URL ?? `${apiBaseUrl}/i/oauth2/authorize`,
      ...SIMULATED_X_APP,
      ...SIMULATED_X_CONSUMER,
      // npm start gives each demo its own (DATA_DIR/secrets.json): the built-in one is public.
      consumerSecret: data.X_CONSUMER_SECRET ?? SIMULATED_X_CONSUMER.consumerSecret,
    };
  }
  // Without the consumer secret no webhook delivery could be verified: refuse to start rather
  // than accept unsigned events.
  const missing = (["X_CLIENT_SECRET", "X_CONSUMER_KEY", "X_CONSUMER_SECRET"] as const).filter(
    (name) => !data[name],
  );
  if (missing.length)
    throw new EnvError(
      `Invalid configuration: ${missing.map((name) => `${name} is required with X_CLIENT_ID`).join("; ")}`,
    );
  return {
    simulated: false,
    apiBaseUrl: data.X_API_BASE_URL ?? "https://api.x.com",
    authorizeUrl: data.X_AUTHORIZE_URL ?? "https://x.com/i/oauth2/authorize",
    clientId: data.X_CLIENT_ID,
    clientSecret: data.X_CLIENT_SECRET!,
    consumerKey: data.X_CONSUMER_KEY!,
    consumerSecret: data.X_CONSUMER_SECRET!,
  };
}

/** The demo's merchant account, signed in to from the dev mailbox. */
export const DEMO_ADMIN_EMAIL = "admin@replycart.local";

export class EnvError extends Error {
  override name = "EnvError";
}

const defaultMode = (data: ParsedEnv): Mode =>
  data.REPLYCART_MODE ?? (data.DATABASE_URL || data.X_CLIENT_ID ? "deployment" : "demo");

/**
 * Demo mode must never be reached by accident: a database of one's own or real X credentials
 * mean a deployment unless REPLYCART_MODE=demo says otherwise, and a deployment runs nothing of
 * the demo: sign-in links go out by email, and X is the real one (the simulator mints tokens
 * for any account, the brand's included). Checked for the server and its launcher; one-off
 * scripts (admin:add, seed) neither send email nor talk to X.
 */
export function assertServable(env: Env): void {
  if (env.mode !== "deployment") return;
  const missing = [
    ...(env.SMTP_URL ? [] : ["SMTP_URL (sign-in links and order confirmations go out by email)"]),
    ...(env.x.simulated ? ["X_CLIENT_ID and X_CLIENT_SECRET (the X simulator is for demos)"] : []),
    ...(env.ADMIN_EMAIL ? [] : ["ADMIN_EMAIL (the merchant's account; nothing else is seeded)"]),
  ];
  if (missing.length)
    throw new EnvError(
      `Invalid configuration: deployment mode (DATABASE_URL or X_CLIENT_ID is set) needs ` +
        `${missing.join(" and ")}; for a demo on this database set REPLYCART_MODE=demo`,
    );
}

/** Parses a set of variables; throws EnvError whose message names every bad variable. */
export function parseEnv(
  source: Record<string, string | undefined> = process.env,
  { forApp = true }: { forApp?: boolean } = {},
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
  const data = result.data;
  // The launcher may supply these (embedded default); the app itself cannot run without them.
  if (forApp) {
    const missing = (["DATABASE_URL", "NEXTAUTH_SECRET", "TOKEN_ENCRYPTION_KEY"] as const).filter(
      (name) => !data[name],
    );
    if (missing.length > 0) {
      throw new EnvError(
        `Invalid configuration: ${missing.map((name) => `${name} is required`).join("; ")}`,
      );
    }
  }
  const mode = defaultMode(data);
  const env: Env = {
    ...data,
    APP_URL: data.APP_URL ?? `http://localhost:${data.PORT}`,
    ADMIN_EMAIL: data.ADMIN_EMAIL ?? (mode === "demo" ? DEMO_ADMIN_EMAIL : undefined),
    mode,
    // The demo serves this machine only; HOST opens it up deliberately.
    HOST: data.HOST ?? (mode === "demo" ? "127.0.0.1" : undefined),
    x: xConfig(data),
  };
  if (forApp) assertServable(env);
  return env;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The database URL: needs only DATABASE_URL, so scripts and the Prisma CLI can use it too. */
export function databaseUrl(): string {
  const url = parseEnv(process.env, { forApp: false }).DATABASE_URL;
  if (!url) throw new EnvError("Invalid configuration: DATABASE_URL is required");
  return url;
}
