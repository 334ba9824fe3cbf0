import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "./content-security-policy";

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

describe("createNonce", () => {
  it("makes a different 128-bit value every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
