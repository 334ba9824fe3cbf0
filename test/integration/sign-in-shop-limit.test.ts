import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardEmailSignIn } from "@/lib/auth/guard-email-sign-in";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The shop-wide hourly cap on sign-in emails, in a database of its own: its counter is one
// row for the whole shop, which the per-client and per-address tests would share.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  process.env.SIGN_IN_EMAILS_PER_HOUR = "12";
});
afterAll(() => database.drop());

const fresh = () => randomBytes(4).toString("hex");
const ask = (clientIp: string) =>
  guardEmailSignIn({ email: `${fresh()}@example.com`, clientIp, csrfVerified: true });

describe("the shop-wide sign-in email cap", () => {
  it("refuses sign-in emails past SIGN_IN_EMAILS_PER_HOUR, across clients and addresses", async () => {
    const verdicts = [];
    for (let i = 0; i < 15; i += 1) verdicts.push(await ask(`198.51.100.${i + 1}`));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(12);
    expect(verdicts.slice(12)).toEqual(
      Array(3).fill(expect.objectContaining({ ok: false, status: 429, code: "EmailRateLimited" })),
    );
  });
});
