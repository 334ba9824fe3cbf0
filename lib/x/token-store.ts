import { getEnv } from "@/lib/env";
import { decryptToken, encryptToken, parseKey } from "@/lib/crypto/token-cipher";

// Account rows hold tokens only in this encrypted form; nothing outside lib/ sees either form.

function key(): Buffer {
  const encoded = getEnv().TOKEN_ENCRYPTION_KEY;
  if (!encoded) throw new Error("TOKEN_ENCRYPTION_KEY is required");
  return parseKey(encoded);
}

export function sealToken(token: string | null | undefined): string | null {
  return token ? encryptToken(token, key()) : null;
}

export function openToken(sealed: string | null | undefined): string | null {
  return sealed ? decryptToken(sealed, key()) : null;
}
