import { xOAuthClient } from "@/lib/x/client";
import { openToken } from "@/lib/x/token-store";

export type SealedTokens = { access_token: string | null; refresh_token: string | null };

/**
 * Revokes an account's tokens at X, refresh token first (which ends the grant), best effort.
 * Returns false when X could not confirm it (or a token no longer decrypts), so the caller can
 * tell the user.
 */
export async function revokeAtX(sealed: SealedTokens): Promise<boolean> {
  let revoked = true;
  const client = xOAuthClient();
  for (const [token, hint] of [
    [sealed.refresh_token, "refresh_token"],
    [sealed.access_token, "access_token"],
  ] as const) {
    if (!token) continue;
    try {
      await client.revokeOAuth2Token(openToken(token)!, hint);
    } catch {
      revoked = false;
    }
  }
  return revoked;
}
