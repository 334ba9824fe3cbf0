import { describe, expect, it } from "vitest";
import { crcResponseToken, randomEventUuid, s256Challenge, safeEqual, signBody } from "./crypto";

describe("webhook crypto", () => {
  it("answers the CRC with sha256= + base64(HMAC-SHA256(consumer secret, crc_token)) (known answer)", () => {
    // Computed independently with Python's hmac module.
    expect(crcResponseToken("replycart-local-consumer-secret", "challenge-1234")).toBe(
      "sha256=MIOyHxrFdr+2g8r818DzOl0iEGbBb8Jo9TIbbJ+6HBs=",
    );
  });

  it("signs the raw body bytes, so any change to them changes the signature", () => {
    const secret = "replycart-local-consumer-secret";
    expect(signBody(secret, '{"a":1}')).toBe("sha256=/E3bm0bkzy5SGDfe5wuAF3rQz1UUUDU/r/w09FKGVSA=");
    expect(signBody(secret, '{"a": 1}')).not.toBe(signBody(secret, '{"a":1}'));
  });

  it("derives the PKCE S256 challenge of RFC 7636's example verifier", () => {
    expect(s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes XAA event ids int64 decimals, negative ones included", () => {
    const ids = Array.from({ length: 200 }, randomEventUuid);
    expect(ids.every((id) => /^-?[0-9]{1,19}$/.test(id))).toBe(true);
    expect(ids.some((id) => id.startsWith("-"))).toBe(true);
  });

  it("compares secrets of different lengths without throwing", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
