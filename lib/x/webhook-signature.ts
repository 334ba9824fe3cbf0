import { createHmac, timingSafeEqual } from "node:crypto";

const hmac = (secret: string, message: string | Uint8Array) =>
  createHmac("sha256", secret).update(message).digest();

// X's challenges are short random strings: base64 or base64url, a UUID at most (X's examples:
// "9b4507b3-9040-4669-9ca3-6b94edb50553"; the simulator's: 32 base64url characters). A
// delivery's signature is the same HMAC over its body, so answering any other string would sign
// bytes of the caller's choosing: no `{`, quote or whitespace, so never a JSON object.
const CRC_TOKEN = /^[A-Za-z0-9+/_=-]{1,128}$/;

/** Whether a crc_token has X's form, so that its HMAC cannot double as a delivery signature. */
export function isCrcToken(crcToken: string): boolean {
  return CRC_TOKEN.test(crcToken);
}

/**
 * The answer to X's CRC challenge: proof that we hold the consumer secret. Callers check
 * `isCrcToken` first.
 */
export function crcResponseToken(consumerSecret: string, crcToken: string): string {
  return `sha256=${hmac(consumerSecret, crcToken).toString("base64")}`;
}

/**
 * Whether `x-twitter-webhooks-signature` is X's HMAC of exactly these bytes. The comparison is
 * constant-time, and a missing or malformed header is simply not valid.
 */
export function isWebhookSignatureValid(
  consumerSecret: string,
  rawBody: Uint8Array,
  header: string | null,
): boolean {
  const match = /^sha256=([A-Za-z0-9+/]{43}=)$/.exec(header?.trim() ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1]!, "base64");
  const expected = hmac(consumerSecret, rawBody);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
