import { xOAuthClient } from "@/lib/x/client";
import { openToken } from "@/lib/x/token-store";

/**
 * Revokes an account's tokens at X, refresh token first (which ends the grant), best effort.
 * Returns false when X could not confirm it, so the caller can tell the user.
 */
export async function revokeAtX(sealed: {
  access_token: string | null;
  refresh_token: string | null;
}): Promise<boolean> {
  let revoked = true;
  const client = xOAuthClient();
  for (const [token, hint] of [
    [openToken(sealed.refresh_token), "refresh_token"],
    [openToken(sealed.access_token), "access_token"],
  ] as const) {
    if (!token) continue;
    try {
      await client.revokeOAuth2Token(token, hint);
    } catch {
      revoked = false;
    }
  }
  return revoked;
}
