import { describe, expect, it } from "vitest";
import { assertServable, EnvError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://shop@127.0.0.1:5432/replycart",
  NEXTAUTH_SECRET: "a".repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  // A demo on a database of one's own; the deployment below has what a deployment needs.
  REPLYCART_MODE: "demo",
};
const realX = {
  X_CLIENT_ID: "id",
  X_CLIENT_SECRET: "secret",
  X_CONSUMER_KEY: "consumer-key",
  X_CONSUMER_SECRET: "consumer-secret",
};
const smtp = { SMTP_URL: "smtp://mailer:secret@mail.example:587" };
const deployment = {
  ...valid,
  REPLYCART_MODE: undefined,
  ...smtp,
  ...realX,
  ADMIN_EMAIL: "owner@shop.example",
};

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills in defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATA_DIR).toBe(".data");
  });

  it("keeps texts and settled rows for the retention defaults, and refuses a tombstone day", () => {
    expect(parseEnv(valid)).toMatchObject({
      IGNORED_REPLY_TEXT_DAYS: 7,
      REPLY_TEXT_DAYS: 30,
      TOMBSTONE_DAYS: 7,
      PARENT_POST_CACHE_DAYS: 30,
      SETTLED_PENDING_ADD_DAYS: 365,
      BOT_ANSWER_DAYS: 365,
    });
    // X replays a day of deliveries: a delete must outlive the Posts it may still meet.
    expect(() => parseEnv({ ...valid, TOMBSTONE_DAYS: "1" })).toThrow(/TOMBSTONE_DAYS/);
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

  it("requires the database and both secrets for the app but not for the launcher", () => {
    expect(() => parseEnv({})).toThrow(
      "DATABASE_URL is required; NEXTAUTH_SECRET is required; TOKEN_ENCRYPTION_KEY is required",
    );
    expect(parseEnv({}, { forApp: false }).DATABASE_URL).toBeUndefined();
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    expect(() => parseEnv({ ...valid, TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      "TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded",
    );
  });

  it("talks to the simulator when no X credentials are set", () => {
    const { x } = parseEnv({ ...valid, SIM_PORT: "4999" });
    expect(x).toMatchObject({
      simulated: true,
      apiBaseUrl: "http://127.0.0.1:4999",
      authorizeUrl: "http://127.0.0.1:4999/i/oauth2/authorize",
    });
  });

  it("talks to real X with credentials, and needs the secrets with the id", () => {
    const { x } = parseEnv({ ...valid, ...realX });
    expect(x).toEqual({
      simulated: false,
      apiBaseUrl: "https://api.x.com",
      authorizeUrl: "https://x.com/i/oauth2/authorize",
      clientId: "id",
      clientSecret: "secret",
      consumerKey: "consumer-key",
      consumerSecret: "consumer-secret",
    });
    expect(() => parseEnv({ ...valid, X_CLIENT_ID: "id" })).toThrow(
      "X_CLIENT_SECRET is required with X_CLIENT_ID; X_CONSUMER_KEY is required with X_CLIENT_ID; X_CONSUMER_SECRET is required with X_CLIENT_ID",
    );
  });

  it("refuses real X without the consumer secret, which verifies webhook deliveries", () => {
    expect(() => parseEnv({ ...valid, ...realX, X_CONSUMER_SECRET: "" })).toThrow(
      "Invalid configuration: X_CONSUMER_SECRET is required with X_CLIENT_ID",
    );
  });

  it("signs with the simulator's consumer keys when X is simulated", () => {
    expect(parseEnv(valid).x).toMatchObject({
      consumerKey: "replycart-local-consumer",
      consumerSecret: "replycart-local-consumer-secret",
    });
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
      parseEnv({ ...valid, DATABASE_URL: "not-a-url", PORT: "x" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  describe("mode", () => {
    it("is a demo on loopback only when nothing of one's own is configured", () => {
      const env = parseEnv({}, { forApp: false });
      expect(env).toMatchObject({ mode: "demo", HOST: "127.0.0.1" });
    });

    it("lets HOST open the demo up deliberately", () => {
      expect(parseEnv({ HOST: "0.0.0.0" }, { forApp: false }).HOST).toBe("0.0.0.0");
      expect(parseEnv({ HOST: "::" }, { forApp: false }).HOST).toBe("::");
      // tcsh exports HOST=<machine name>: that must not open the demo by accident.
      for (const name of ["devbox", "devbox.example.com", "evil host/"])
        expect(() => parseEnv({ HOST: name }, { forApp: false })).toThrow(
          "HOST must be an IP address to listen on, such as 0.0.0.0 (every interface)",
        );
    });

    it("is a deployment on every interface as soon as DATABASE_URL or real X is set", () => {
      expect(parseEnv(deployment)).toMatchObject({ mode: "deployment", HOST: undefined });
      expect(parseEnv(realX, { forApp: false }).mode).toBe("deployment");
      const ownDatabase = { DATABASE_URL: valid.DATABASE_URL };
      expect(parseEnv(ownDatabase, { forApp: false }).mode).toBe("deployment");
    });

    it("refuses a deployment without SMTP_URL or with the simulated X, naming the way out", () => {
      const noMail = () => parseEnv({ ...deployment, SMTP_URL: undefined });
      expect(noMail).toThrow(EnvError);
      expect(noMail).toThrow(
        "Invalid configuration: deployment mode (DATABASE_URL or X_CLIENT_ID is set) needs SMTP_URL (sign-in links and order confirmations go out by email); for a demo on this database set REPLYCART_MODE=demo",
      );
      const simulatedX = () => parseEnv({ ...valid, ...smtp, REPLYCART_MODE: undefined });
      expect(simulatedX).toThrow(/needs X_CLIENT_ID and X_CLIENT_SECRET \(the X simulator/);
      expect(() => assertServable(parseEnv(realX, { forApp: false }))).toThrow(/needs SMTP_URL/);
    });

    it("refuses a deployment without ADMIN_EMAIL: nothing of the demo's is seeded there", () => {
      expect(() => parseEnv({ ...deployment, ADMIN_EMAIL: undefined })).toThrow(
        /needs ADMIN_EMAIL \(the merchant's account; nothing else is seeded\)/,
      );
      expect(parseEnv({}, { forApp: false }).ADMIN_EMAIL).toBe("admin@replycart.local");
      expect(parseEnv(deployment).ADMIN_EMAIL).toBe("owner@shop.example");
    });

    it("runs a demo on one's own database only when told so explicitly", () => {
      expect(parseEnv(valid)).toMatchObject({ mode: "demo", HOST: "127.0.0.1" });
      expect(() => parseEnv({ ...valid, REPLYCART_MODE: "dev" })).toThrow(
        'REPLYCART_MODE must be "demo" or "deployment"',
      );
    });

    it("leaves scripts that neither send email nor talk to X alone", () => {
      const ownDatabase = { DATABASE_URL: valid.DATABASE_URL };
      expect(() => parseEnv(ownDatabase, { forApp: false })).not.toThrow();
    });
  });

  it("limits sign-in emails by default and accepts other limits", () => {
    expect(parseEnv(valid)).toMatchObject({
      SIGN_IN_EMAILS_PER_ADDRESS: 5,
      SIGN_IN_EMAILS_PER_IP: 30,
    });
    expect(parseEnv({ ...valid, SIGN_IN_EMAILS_PER_IP: "1000" }).SIGN_IN_EMAILS_PER_IP).toBe(1000);
    expect(() => parseEnv({ ...valid, SIGN_IN_EMAILS_PER_ADDRESS: "0" })).toThrow(
      "SIGN_IN_EMAILS_PER_ADDRESS must be a whole number of at least 1",
    );
  });
});
