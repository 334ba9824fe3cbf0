import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { declaredStatements } from "@/lib/database/statement";
import { pooledTestDatabase } from "./support/test-database";

// Every statement the code runs through `Sql`, prepared against the migrated schema (pg-boss's
// included): Postgres parses, resolves every table, column, type and function, and plans it, so
// a renamed column fails here rather than on a reply in production.

const ROOT = path.resolve(__dirname, "../..");
// Declarations are module constants: `const NAME = statement<Row>(...)`.
const DECLARE = /=\s*statement[<(]/g;

/** Source files under lib/ that declare statements, and how many each declares. */
function declaringFiles(): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(file);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const declared = readFileSync(file, "utf8").match(DECLARE)?.length ?? 0;
        if (declared && !file.endsWith(path.join("database", "statement.ts")))
          found.set(file, declared);
      }
    }
  };
  walk(path.join(ROOT, "lib"));
  return found;
}

const { pool } = pooledTestDatabase();

it("prepares every statement declared in lib/ against the migrated schema", async () => {
  const files = declaringFiles();
  for (const file of files.keys()) await import(file);
  const statements = declaredStatements();
  // One registration per declaration: none made inside a function (ESLint forbids it), none
  // declared twice with the same text.
  expect(statements).toHaveLength([...files.values()].reduce((sum, n) => sum + n, 0));
  expect(statements.length).toBeGreaterThan(25);

  expect(await prepareEach(statements)).toEqual([]);
});

it("reports a statement naming a column the schema lacks, and goes on to the next", async () => {
  const failures = await prepareEach([
    `SELECT "tweetID" FROM "TweetEvent" WHERE "tweetId" = $1`,
    `SELECT "tweetId" FROM "TweetEvent" WHERE "tweetId" = $1`,
    `UPDATE "CartItem" SET "qty" = 1 WHERE "id" = $1`,
  ]);
  expect(failures).toHaveLength(2);
  expect(failures[0]).toMatch(/column "tweetID" does not exist/);
  expect(failures[1]).toMatch(/column "qty" of relation "CartItem" does not exist/);
});

/** PREPAREs each text on one connection; the failures, each with its statement's start. */
async function prepareEach(texts: string[]): Promise<string[]> {
  const failures: string[] = [];
  const client = await pool().connect();
  try {
    for (const [index, text] of texts.entries()) {
      const name = `statement_check_${index}`;
      try {
        await client.query(`PREPARE ${name} AS ${text}`);
        await client.query(`DEALLOCATE ${name}`);
      } catch (error) {
        failures.push(`${(error as Error).message}\n  in: ${text.slice(0, 160)}`);
      }
    }
  } finally {
    client.release();
  }
  return failures;
}
