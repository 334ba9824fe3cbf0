import { afterEach, describe, expect, it, vi } from "vitest";
import { authErrorLine, authLogger } from "./auth-logger";

afterEach(() => vi.restoreAllMocks());

describe("next-auth's logger", () => {
  it("logs X's Cancel (access_denied) as one short line, though next-auth reports it twice", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    // The two calls next-auth 4 makes for ?error=access_denied on an OAuth callback.
    const denied = new Error("access_denied");
    authLogger.error("OAUTH_CALLBACK_HANDLER_ERROR", {
      error: denied,
      error_description: undefined,
      providerId: "twitter",
    });
    authLogger.error("OAUTH_CALLBACK_ERROR", denied);
    expect(error.mock.calls).toEqual([
      ["next-auth: twitter sign-in cancelled at X (access_denied)"],
    ]);
  });

  it("logs other errors in one line, without stack traces or anything token-like", () => {
    const failure = new Error(
      'Invalid `prisma.account.update()` invocation:\n  access_token: "v1.abcdefghijklmnopqrstuvwxyz0123456789"',
    );
    expect(authErrorLine("OAUTH_CALLBACK_HANDLER_ERROR", failure)).toBe(
      "next-auth: OAUTH_CALLBACK_HANDLER_ERROR: Error: Invalid `prisma.account.update()` invocation:",
    );
    const quoted = authErrorLine("OAUTH_CALLBACK_ERROR", {
      error: new Error("bad code 4nT3rN4lC0d3_abcdefghijklmnopqrstu given"),
      providerId: "x-brand",
    });
    expect(quoted).toBe(
      "next-auth: OAUTH_CALLBACK_ERROR (x-brand): Error: bad code [redacted] given",
    );
  });

  it("drops next-auth's stale OAuth 2.0 beta warning, and keeps others to one line", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    authLogger.warn("TWITTER_OAUTH_2_BETA");
    authLogger.warn("NO_SECRET");
    expect(warn.mock.calls).toEqual([["next-auth: warning NO_SECRET"]]);
  });
});
