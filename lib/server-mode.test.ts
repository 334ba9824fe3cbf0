import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { demoExposureWarning, describeMode, isLoopbackHost } from "./server-mode";

const secrets = {
  NEXTAUTH_SECRET: "a".repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("describeMode", () => {
  it("says demo, and that only this machine can connect", () => {
    const line = describeMode(parseEnv({}, { forApp: false }));
    expect(line).toBe(
      "Demo mode: embedded Postgres, the X simulator, sign-in links in the dev mailbox; listening on 127.0.0.1 only.",
    );
  });

  it("says deployment and where things are, never a password", () => {
    const env = parseEnv({
      ...secrets,
      DATABASE_URL: "postgresql://shop:db-password@db.internal:5432/replycart",
      SMTP_URL: "smtp://mailer:mail-password@mail.example:587",
      X_CLIENT_ID: "id",
      X_CLIENT_SECRET: "x-secret",
      X_CONSUMER_KEY: "consumer-key",
      X_CONSUMER_SECRET: "x-consumer-secret",
      ADMIN_EMAIL: "owner@shop.example",
    });
    const line = describeMode(env);
    expect(line).toBe(
      "Deployment mode: Postgres at db.internal:5432/replycart, X at api.x.com, email through mail.example:587; listening on every interface.",
    );
    expect(line).not.toMatch(/password|x-secret/);
  });
});

describe("demoExposureWarning", () => {
  it("warns when HOST opens the dev mailbox to the network, and only then", () => {
    expect(demoExposureWarning(parseEnv({}, { forApp: false }))).toBeUndefined();
    expect(demoExposureWarning(parseEnv({ HOST: "::1" }, { forApp: false }))).toBeUndefined();
    expect(demoExposureWarning(parseEnv({ HOST: "0.0.0.0" }, { forApp: false }))).toMatch(
      /HOST=0\.0\.0\.0 serves the dev mailbox to anyone who can reach port 3000/,
    );
    expect(demoExposureWarning(parseEnv({ HOST: "0.0.0.0" }, { forApp: false }))).toMatch(
      /takes webhook deliveries signed with this demo's own consumer secret \(\.data\/secrets\.json/,
    );
    const mailed = parseEnv(
      { HOST: "0.0.0.0", SMTP_URL: "smtp://mail.example" },
      { forApp: false },
    );
    expect(demoExposureWarning(mailed)).not.toMatch(/dev mailbox/);
    const realX = parseEnv(
      {
        HOST: "0.0.0.0",
        SMTP_URL: "smtp://mail.example",
        REPLYCART_MODE: "demo",
        X_CLIENT_ID: "id",
        X_CLIENT_SECRET: "secret",
        X_CONSUMER_KEY: "key",
        X_CONSUMER_SECRET: "consumer-secret",
      },
      { forApp: false },
    );
    expect(demoExposureWarning(realX)).toBeUndefined();
  });

  it("knows loopback names from others", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"].every(isLoopbackHost)).toBe(
      true,
    );
    expect(["0.0.0.0", "10.0.0.1", "localhost.evil.io", "::"].some(isLoopbackHost)).toBe(false);
  });
});

describe("where the web server listens", () => {
  it("binds the demo to loopback and a deployment to every interface", () => {
    expect(parseEnv({ PORT: "3100" }, { forApp: false }).HOST).toBe("127.0.0.1");
    const deployment = parseEnv(
      { DATABASE_URL: "postgresql://db.internal/shop" },
      { forApp: false },
    );
    expect(deployment.HOST).toBeUndefined();
  });
});
