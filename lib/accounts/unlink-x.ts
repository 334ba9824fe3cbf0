import { db } from "@/lib/db";
import { X_PROVIDER_ID } from "@/lib/auth/x-providers";
import { revokeAtX, type SealedTokens } from "@/lib/x/revoke-tokens";

export type UnlinkResult = { unlinked: boolean; revokedAtX: boolean };

/**
 * Deletes the shopper's X link and its tokens, and revokes the tokens at X. The row is deleted
 * even when X cannot be reached: the shopper asked us to forget the account.
 */
export async function unlinkX(userId: string): Promise<UnlinkResult> {
  // RETURNING gives the tokens as deleted: if a refresh held the row, the rotated ones.
  const deleted = await db.$queryRaw<SealedTokens[]>`
    DELETE FROM "Account" WHERE "userId" = ${userId} AND provider = ${X_PROVIDER_ID}
    RETURNING access_token, refresh_token`;
  if (deleted.length === 0) return { unlinked: false, revokedAtX: false };
  const revoked = await Promise.all(deleted.map((row) => revokeAtX(row, "unlinked X tokens")));
  return { unlinked: true, revokedAtX: revoked.every(Boolean) };
}
