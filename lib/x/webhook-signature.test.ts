import { describe, expect, it } from "vitest";
import { crcResponseToken, isWebhookSignatureValid } from "./webhook-signature";

// Known answers computed independently with
// printf '%s' MESSAGE | openssl dgst -sha256 -hmac SECRET -binary | base64
const SECRET = "replycart-local-consumer-secret";
const BODY = Buffer.from('{"hello":"x"}');
const BODY_SIGNATURE = "sha256=J8iaWToM5943BnbDo/ZWZYPDZWeFSw52BhgYkzqO474=";

describe("crcResponseToken", () => {
  it("answers X's challenge with sha256= and the base64 HMAC of the token", () => {
    expect(crcResponseToken(SECRET, "challenge-123")).toBe(
      "sha256=ppORN995t1519vaUvtCOXCKkXHbDzO5zNdAbs84qiig=",
    );
  });
});

describe("isWebhookSignatureValid", () => {
  it("accepts X's signature of the exact bytes", () => {
    expect(isWebhookSignatureValid(SECRET, BODY, BODY_SIGNATURE)).toBe(true);
  });

  it("refuses a tampered body, another secret, a missing or malformed header", () => {
    expect(isWebhookSignatureValid(SECRET, Buffer.from('{"hello":"y"}'), BODY_SIGNATURE)).toBe(
      false,
    );
    expect(isWebhookSignatureValid("another-secret", BODY, BODY_SIGNATURE)).toBe(false);
    expect(isWebhookSignatureValid(SECRET, BODY, null)).toBe(false);
    for (const header of [
      "",
      "sha256=",
      BODY_SIGNATURE.slice(7),
      "sha1=J8iaWToM5943BnbDo/ZWZYPDZWeFSw52BhgYkzqO474=",
      `${BODY_SIGNATURE}x`,
    ])
      expect(isWebhookSignatureValid(SECRET, BODY, header)).toBe(false);
  });

  it("refuses a valid signature of another body", () => {
    const other = crcResponseToken(SECRET, "something else");
    expect(isWebhookSignatureValid(SECRET, BODY, other)).toBe(false);
  });
});
