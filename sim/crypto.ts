import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The CRC answer X expects: sha256= + base64(HMAC-SHA256(key = app secret, message = crc_token)). */
export function crcResponseToken(secret: string, token: string): string {
  return `sha256=${createHmac("sha256", secret).update(token).digest("base64")}`;
}

/** The `x-twitter-webhooks-signature` value for a delivery body (raw bytes). */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("base64")}`;
}

/** PKCE: the S256 challenge of a verifier (base64url, no padding). */
export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** XAA event ids are decimal int64 strings, and real ones are sometimes negative. */
export function randomEventUuid(): string {
  return randomBytes(8).readBigInt64BE(0).toString();
}
