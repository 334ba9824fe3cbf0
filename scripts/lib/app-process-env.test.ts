import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, SIMULATED_X_CONSUMER } from "@/lib/env";
import { appProcessEnv } from "./app-process-env";

// The simulator's built-in consumer secret is in this repository: a demo opened with HOST would
// accept webhooks forged with it. npm start gives every demo one of its own.

const dataDir = () => mkdtempSync(path.join(tmpdir(), "replycart-secrets-"));

describe("appProcessEnv", () => {
  it("signs a demo's simulated webhooks with a consumer secret of its own, kept across starts", () => {
    const dir = dataDir();
    const env = parseEnv({ DATA_DIR: dir, HOST: "0.0.0.0" }, { forApp: false });
    const first = parseEnv(appProcessEnv(env, "postgresql://127.0.0.1:54320/replycart"));
    expect(first.x.simulated).toBe(true);
    expect(first.x.consumerSecret).not.toBe(SIMULATED_X_CONSUMER.consumerSecret);
    expect(first.x.consumerSecret).toHaveLength(43);
    const again = parseEnv(appProcessEnv(env, "postgresql://127.0.0.1:54320/replycart"));
    expect(again.x.consumerSecret).toBe(first.x.consumerSecret);
  });

  it("adds the consumer secret to an older secrets file and keeps what it had", () => {
    const dir = dataDir();
    const older = { NEXTAUTH_SECRET: "n".repeat(43), TOKEN_ENCRYPTION_KEY: "a".repeat(44) };
    writeFileSync(path.join(dir, "secrets.json"), JSON.stringify(older));
    const env = parseEnv({ DATA_DIR: dir }, { forApp: false });
    const child = appProcessEnv(env, "postgresql://127.0.0.1:54320/replycart");
    expect(child).toMatchObject(older);
    const stored = JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")) as object;
    expect(stored).toEqual({ ...older, X_CONSUMER_SECRET: child.X_CONSUMER_SECRET });
  });

  it("gives a demo on one's own database its own consumer secret too, and nothing else", () => {
    const dir = dataDir();
    const env = parseEnv(
      { DATA_DIR: dir, DATABASE_URL: "postgresql://db.internal/shop", REPLYCART_MODE: "demo" },
      { forApp: false },
    );
    const child = appProcessEnv(env, "postgresql://db.internal/shop");
    expect(child.X_CONSUMER_SECRET).toMatch(/^[\w-]{43}$/);
    expect(child.NEXTAUTH_SECRET).toBe(process.env.NEXTAUTH_SECRET);
  });
});
