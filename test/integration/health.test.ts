import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/database/db";
import { checkDatabase } from "@/lib/health/check-database";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

describe("checkDatabase", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("reports a reachable database with its latency", async () => {
    const health = await checkDatabase(database.db);
    expect(health).toMatchObject({ ok: true });
  });

  it("reports an unreachable database without leaking its URL", async () => {
    const unreachable = createPrismaClient("postgresql://secret-user:secret-pass@127.0.0.1:1/none");
    try {
      const health = await checkDatabase(unreachable, 1000);
      expect(health).toEqual({ ok: false, error: expect.stringMatching(/unreachable|timed out/) });
      expect(JSON.stringify(health)).not.toContain("secret");
    } finally {
      await unreachable.$disconnect();
    }
  });
});
