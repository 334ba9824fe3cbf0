import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const exec = promisify(execFile);
const prisma = (url: string, ...args: string[]) =>
  exec("node_modules/.bin/prisma", args, { env: { ...process.env, DATABASE_URL: url } });

describe("committed migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  async function tableNames() {
    const rows = await database.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
    return rows.map((row) => row.table_name);
  }

  it("apply to an empty database and leave it up to date", async () => {
    expect(await tableNames()).toEqual([]);
    await prisma(database.url, "migrate", "deploy");
    const { stdout } = await prisma(database.url, "migrate", "status");
    expect(stdout).toContain("Database schema is up to date");
    expect(await tableNames()).toEqual(
      expect.arrayContaining([
        "User",
        "Account",
        "Product",
        "TweetEvent",
        "CartItem",
        "OutboundReply",
      ]),
    );
  });

  it("match schema.prisma exactly (no drift between the schema and the migrations)", async () => {
    // Exit code 2 would mean a schema edit without a migration.
    const result = await prisma(
      database.url,
      ...["migrate", "diff", "--from-migrations", "prisma/migrations"],
      ...["--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
    );
    expect(result.stdout).toContain("No difference detected");
  });

  it("can be reset to nothing and applied again", async () => {
    await prisma(database.url, "migrate", "reset", "--force", "--skip-seed");
    expect(await tableNames()).toContain("Product");
    const constraints = await database.db.$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'`;
    // The keys the reply pipeline's idempotency rests on.
    expect(constraints.map((c) => c.indexname)).toEqual(
      expect.arrayContaining([
        "TweetEvent_tweetId_key",
        "OutboundReply_inReplyToTweetId_key",
        "PendingAdd_sourceTweetId_key",
        "Order_userId_idempotencyKey_key",
        "Account_provider_providerAccountId_key",
        "CartItem_userId_productId_variant_key",
      ]),
    );
  });
});
