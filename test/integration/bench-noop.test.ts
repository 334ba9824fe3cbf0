import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

// The bench's no-op route in a deployment that has REPLYCART_BENCH set by mistake: still a 404.
// No database: the route must answer before touching anything.

beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/unused",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SMTP_URL: "smtp://127.0.0.1:9",
    X_CLIENT_ID: "client",
    X_CLIENT_SECRET: "secret",
    X_CONSUMER_KEY: "consumer",
    X_CONSUMER_SECRET: "consumer-secret",
    ADMIN_EMAIL: "owner@shop.example",
    REPLYCART_BENCH: "1",
  });
  delete process.env.REPLYCART_MODE;
});

describe("POST /api/bench/noop", () => {
  it("is a 404 in deployment mode even with the bench flag", async () => {
    const { POST } = await import("@/app/api/bench/noop/route");
    const response = POST();
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
