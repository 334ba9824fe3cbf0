import { createHmac, timingSafeEqual } from "node:crypto";

const hmac = (secret: string, message: string | Uint8Array) =>
  createHmac("sha256", secret).update(message).digest();

/** The answer to X's CRC challenge: proof that we hold the consumer secret. */
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
