import { describe, expect, it } from "vitest";
import { apiError, toResponse } from "./api-answer";

describe("apiError", () => {
  it("answers { error: { code, message } } with its status, headers and the fields a client expects", async () => {
    const response = toResponse(
      apiError(429, "EmailRateLimited", "Try later.", {
        headers: { "retry-after": "60" },
        extra: { url: "https://shop.example/signin?error=EmailRateLimited" },
      }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      url: "https://shop.example/signin?error=EmailRateLimited",
      error: { code: "EmailRateLimited", message: "Try later." },
    });
  });

  it("never lets an extra field replace the error", () => {
    expect(apiError(400, "bad", "Bad.", { extra: { error: "spoofed" } }).body).toEqual({
      error: { code: "bad", message: "Bad." },
    });
  });
});
