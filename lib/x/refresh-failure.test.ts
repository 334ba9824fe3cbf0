import type { ClientRequest, IncomingMessage } from "node:http";
import { ApiRequestError, ApiResponseError } from "twitter-api-v2";
import { describe, expect, it } from "vitest";
import { classifyRefreshFailure } from "./refresh-failure";

const answered = (code: number, data: unknown) =>
  new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data: data as ApiResponseError["data"],
    headers: {},
    request: {} as ClientRequest,
    response: {} as IncomingMessage,
  });

describe("classifyRefreshFailure", () => {
  it.each(["invalid_grant", "invalid_request"])("asks for a reconnect on %s", (error) => {
    const failure = classifyRefreshFailure(answered(400, { error, error_description: "no" }));
    expect(failure).toMatchObject({ reconnect: true, message: expect.stringMatching(/reconnect/) });
  });

  it.each([
    ["a 503", answered(503, { title: "Service Unavailable" })],
    ["a 429", answered(429, { title: "Too Many Requests" })],
    ["a 500 without a body", answered(500, undefined)],
    ["an unknown OAuth error", answered(401, { error: "invalid_client" })],
    [
      "no answer",
      new ApiRequestError("timeout", {
        request: {} as ClientRequest,
        error: new Error("ETIMEDOUT"),
      }),
    ],
    ["a network error", new TypeError("fetch failed")],
  ])("retries after %s without asking for a reconnect", (_, error) => {
    const failure = classifyRefreshFailure(error);
    expect(failure.reconnect).toBe(false);
    expect(failure.message).not.toMatch(/reconnect/);
  });
});
