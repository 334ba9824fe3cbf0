import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { finishMigrations } from "../../lib/setup/finish-migrations";
import { withDatabase } from "../../lib/database/pg-adapter";
import { adminQuery, assertLocalDatabase } from "../support/local-database";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
    runPrefix: string;
  }
}

/**
 * Creates one migrated template database per run; each test file clones it (fast), and
 * everything with this run's prefix is dropped at the end. The developer's data is never used.
 */
export default async function setup(project: TestProject) {
  const serverUrl = assertLocalDatabase(process.env.DATABASE_URL);
  const runPrefix = `replycart_test_${randomBytes(4).toString("hex")}`;
  const templateDatabase = `${runPrefix}_template`;

  await adminQuery(serverUrl, `CREATE DATABASE "${templateDatabase}"`);
  const templateUrl = withDatabase(serverUrl, templateDatabase);
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: templateUrl },
    stdio: "ignore",
  });
  // Short leases, so a test of a killed worker sees its job retried within seconds.
  await finishMigrations(templateUrl, { leaseSeconds: 3 });

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);
  project.provide("runPrefix", runPrefix);

  return async () => {
    const { rows } = await adminQuery(
      serverUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE '${runPrefix}%'`,
    );
    for (const { datname } of rows as { datname: string }[]) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  };
}
