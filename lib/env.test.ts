import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://shop@127.0.0.1:5432/replycart" };

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills in defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATA_DIR).toBe(".data");
  });

  it("derives APP_URL from PORT when APP_URL is unset", () => {
    expect(parseEnv({ ...valid, PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
  });

  it("rejects a malformed DATABASE_URL and names it, without echoing the value", () => {
    const attempt = () => parseEnv({ DATABASE_URL: "not-a-url" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/^Invalid configuration: DATABASE_URL /);
    expect(attempt).not.toThrow(/not-a-url/);
  });

  it("rejects a URL of another scheme", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://root@localhost/shop" })).toThrow(/DATABASE_URL/);
  });

  it("requires DATABASE_URL for the app but not for the launcher", () => {
    expect(() => parseEnv({})).toThrow("DATABASE_URL is required");
    expect(parseEnv({}, { requireDatabase: false }).DATABASE_URL).toBeUndefined();
  });

  it("explains a bad port in words", () => {
    expect(() => parseEnv({ ...valid, PORT: "abc" })).toThrow(
      "Invalid configuration: PORT must be a port number (1-65535)",
    );
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ ...valid, PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad variable at once", () => {
    const attempt = () => parseEnv({ ...valid, PORT: "99999", ADMIN_EMAIL: "nobody" });
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/ADMIN_EMAIL/);
  });

  it("produces a single-line message", () => {
    try {
      parseEnv({ DATABASE_URL: "not-a-url", PORT: "x" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });
});
