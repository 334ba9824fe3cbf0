import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finishMigrations } from "@/lib/setup/finish-migrations";
import { createPrismaClient } from "@/lib/database/db";
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "../../../scripts/lib/embedded-postgres";
import type { TestDatabase } from "./test-database";
import { freePort } from "../../support/free-port";

// A Postgres server of one test file's own (not the run's shared one), for tests that stop and
// restart the database under the app. Its cluster is kept across restarts and removed by drop().

export type PrivatePostgres = {
  /** The migrated app database; drop() stops the server and deletes the cluster. */
  database: TestDatabase;
  /** "fast": SIGINT, sessions terminated. "immediate": SIGQUIT, a crash (WAL replay on start). */
  stop(mode: "fast" | "immediate"): Promise<void>;
  /** Starts the server again on the same cluster and port. */
  restart(): Promise<void>;
};

/** Starts a server, migrates a database in it as the global setup does, and returns it. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const parent = mkdtempSync(path.join(tmpdir(), "replycart-private-pg-"));
  const dir = path.join(parent, "cluster");
  const port = await freePort();
  const start = () => startEmbeddedPostgres({ dir, port, persistent: true });
  let server: EmbeddedDatabase | null = await start();
  const { clusterDir } = server;

  const url = await ensureDatabase(server.serverUrl, "replycart");
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  await finishMigrations(url, { leaseSeconds: 3 });
  const db = createPrismaClient(url);

  const stop = async (mode: "fast" | "immediate") => {
    if (!server) return;
    if (mode === "immediate") {
      // postmaster.pid's first line is the server's pid; stop() then waits for it to exit.
      const pid = Number(
        readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0],
      );
      process.kill(pid, "SIGQUIT");
    }
    await server.stop();
    server = null;
  };
  return {
    database: {
      name: "replycart",
      url,
      db,
      async drop() {
        await db.$disconnect();
        await stop("fast");
        rmSync(clusterDir, { recursive: true, force: true });
        rmSync(parent, { recursive: true, force: true });
      },
    },
    stop,
    async restart() {
      if (server) throw new Error("the private Postgres is running already");
      server = await start();
    },
  };
}
