import { describe, expect, it } from "vitest";
import {
  decryptToken,
  encryptToken,
  generateKey,
  parseKey,
  TokenCipherError,
} from "./token-cipher";

const key = parseKey(generateKey());

describe("token cipher", () => {
  it("round-trips a token", () => {
    expect(decryptToken(encryptToken("access-token-123", key), key)).toBe("access-token-123");
  });

  it("never contains the plaintext and differs on every call", () => {
    const a = encryptToken("access-token-123", key);
    const b = encryptToken("access-token-123", key);
    expect(a).not.toContain("access-token-123");
    expect(Buffer.from(a.split(".")[2]!, "base64url").toString()).not.toContain("access");
    expect(a).not.toBe(b);
  });

  it("refuses another key", () => {
    const sealed = encryptToken("secret", key);
    expect(() => decryptToken(sealed, parseKey(generateKey()))).toThrow(TokenCipherError);
  });

  it("refuses a tampered value", () => {
    const [version, nonce, sealed, tag] = encryptToken("secret", key).split(".");
    const flipped = Buffer.from(sealed!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      decryptToken([version, nonce, flipped.toString("base64url"), tag].join("."), key),
    ).toThrow(/could not be decrypted/);
  });

  it.each([15, 12, 4, 1])("refuses a tag truncated to %i bytes", (bytes) => {
    // GCM would accept a short tag and check only its bytes: a 4-byte tag is forged in 2^32 tries.
    const [version, nonce, sealed, tag] = encryptToken("secret", key).split(".");
    const short = Buffer.from(tag!, "base64url").subarray(0, bytes).toString("base64url");
    expect(() => decryptToken([version, nonce, sealed, short].join("."), key)).toThrow(
      TokenCipherError,
    );
  });

  it("refuses a tag longer than 16 bytes", () => {
    const [version, nonce, sealed, tag] = encryptToken("secret", key).split(".");
    const long = Buffer.concat([Buffer.from(tag!, "base64url"), Buffer.alloc(1)]);
    expect(() =>
      decryptToken([version, nonce, sealed, long.toString("base64url")].join("."), key),
    ).toThrow(TokenCipherError);
  });

  it("refuses plain text as if it were encrypted", () => {
    expect(() => decryptToken("plain-token", key)).toThrow("not an encrypted token");
  });

  it("rejects keys of the wrong size", () => {
    expect(() => parseKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
