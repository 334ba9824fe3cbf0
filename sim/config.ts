import path from "node:path";
import { z } from "zod";

// The simulator's only reader of process.env. A bad value stops the start with one line
// that names the variable.

const envSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  SIM_DATA_DIR: z.string().min(1).default(".data"),
  SIM_HOST: z.string().min(1).default("127.0.0.1"),
  SIM_PUBLIC_URL: z.url().optional(),
  SIM_CRC_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
});

export interface SimConfig {
  port: number;
  host: string;
  snapshotPath: string;
  publicUrl?: string;
  crcIntervalMs: number;
  fresh: boolean;
}

export class ConfigError extends Error {}

/** Reads env and argv (`--fresh`, `--port N`) into the simulator's settings. */
export function loadConfig(env: Record<string, string | undefined>, argv: string[]): SimConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(
      `${name}: ${issue?.message ?? "invalid value"} (got ${JSON.stringify(env[name])})`,
    );
  }
  let port = parsed.data.SIM_PORT;
  const portFlag = argv.indexOf("--port");
  if (portFlag >= 0) {
    const value = Number(argv[portFlag + 1]);
    if (!Number.isInteger(value) || value < 0 || value > 65_535) {
      throw new ConfigError(
        `--port: expected a port number (got ${JSON.stringify(argv[portFlag + 1])})`,
      );
    }
    port = value;
  }
  return {
    port,
    host: parsed.data.SIM_HOST,
    snapshotPath: path.resolve(parsed.data.SIM_DATA_DIR, "sim-state.json"),
    publicUrl: parsed.data.SIM_PUBLIC_URL,
    crcIntervalMs: parsed.data.SIM_CRC_INTERVAL_MS,
    fresh: argv.includes("--fresh"),
  };
}
