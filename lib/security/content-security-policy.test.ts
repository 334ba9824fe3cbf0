import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { xImageOrigins } from "@/lib/x/profile-image";
import { buildContentSecurityPolicy, createNonce } from "./content-security-policy";

const SECRETS = {
  NEXTAUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
};
const DEMO = { ...SECRETS, DATABASE_URL: "postgresql://127.0.0.1/shop", REPLYCART_MODE: "demo" };
const DEPLOYMENT = {
  ...SECRETS,
  DATABASE_URL: "postgresql://db.internal/shop",
  SMTP_URL: "smtp://mail.example:587",
  ADMIN_EMAIL: "owner@shop.example",
  X_CLIENT_ID: "client",
  X_CLIENT_SECRET: "secret",
  X_CONSUMER_KEY: "key",
  X_CONSUMER_SECRET: "consumer-secret",
};

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("buildContentSecurityPolicy", () => {
  it("allows scripts and styles only with the nonce in production", () => {
    const policy = buildContentSecurityPolicy({ nonce: "abc123" });
    expect(directive(policy, "script-src")).toEqual([
      "'self'",
      "'nonce-abc123'",
      "'strict-dynamic'",
    ]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy).not.toMatch(/unsafe/);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'"]);
  });

  it("lets `next dev` evaluate code and inject styles", () => {
    const policy = buildContentSecurityPolicy({ nonce: "abc123", dev: true });
    expect(directive(policy, "script-src")).toContain("'unsafe-eval'");
    expect(directive(policy, "style-src")).toContain("'unsafe-inline'");
  });
});

describe("img-src", () => {
  it("allows our own images and X's CDN in a deployment, nothing else", () => {
    const policy = buildContentSecurityPolicy({
      nonce: "abc123",
      imageOrigins: xImageOrigins(parseEnv(DEPLOYMENT).x),
    });
    expect(directive(policy, "img-src")).toEqual([
      "'self'",
      "https://pbs.twimg.com",
      "https://abs.twimg.com",
    ]);
  });

  it("allows only our own images in a demo on the simulator, which hands out no pictures", () => {
    const policy = buildContentSecurityPolicy({
      nonce: "abc123",
      imageOrigins: xImageOrigins(parseEnv(DEMO).x),
    });
    expect(directive(policy, "img-src")).toEqual(["'self'"]);
    expect(buildContentSecurityPolicy({ nonce: "abc123", dev: true })).toContain("img-src 'self';");
  });
});

describe("createNonce", () => {
  it("makes a different 128-bit value every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
