import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// OAuth tokens at rest: AES-256-GCM with a random 96-bit nonce per value. The stored form is
// versioned so the key or algorithm can be rotated later without guessing.
const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
// GCM checks only as many tag bytes as it is given unless told the length: a stored value cut
// to a 4-byte tag would be forged in 2^32 tries. Every tag we write is 16 bytes; accept no other.
const TAG_BYTES = 16;

export class TokenCipherError extends Error {
  override name = "TokenCipherError";
}

/** Parses a base64 (or base64url) encoded 32-byte key. */
export function parseKey(encoded: string): Buffer {
  const key = Buffer.from(encoded, "base64");
  if (key.length !== 32)
    throw new TokenCipherError("the token key must be 32 bytes, base64-encoded");
  return key;
}

export function encryptToken(plaintext: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, nonce, sealed, tag]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptToken(stored: string, key: Buffer): string {
  const [version, nonce, sealed, tag, ...rest] = stored.split(".");
  if (version !== VERSION || !nonce || sealed === undefined || !tag || rest.length > 0) {
    throw new TokenCipherError("not an encrypted token");
  }
  const tagBytes = Buffer.from(tag, "base64url");
  if (tagBytes.length !== TAG_BYTES) throw new TokenCipherError("not an encrypted token");
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(nonce, "base64url"), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new TokenCipherError("the token could not be decrypted (wrong key or tampered value)");
  }
}

export const generateKey = () => randomBytes(32).toString("base64");
