import { db } from "@/lib/database/db";
import { X_PROVIDER_ID } from "@/lib/x/x-providers";
import { ACCOUNT_ROW_TRANSACTION, lockXUsers } from "@/lib/x/lock-x-user";
import { revokeAtX, type SealedTokens } from "@/lib/x/revoke-tokens";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

// RETURNING gives the tokens as deleted: if a refresh held the row, the rotated ones.
const DELETE_LINK = statement<SealedTokens>(
  `DELETE FROM "Account" WHERE "userId" = $1 AND provider = $2
   RETURNING access_token, refresh_token`,
);

export type UnlinkResult = { unlinked: boolean; revokedAtX: boolean };

/**
 * Deletes the shopper's X link and its tokens, and revokes the tokens at X. The row is deleted
 * even when X cannot be reached: the shopper asked us to forget the account.
 */
export async function unlinkX(userId: string): Promise<UnlinkResult> {
  const deleted = await db.$transaction(async (tx) => {
    const link = await tx.account.findFirst({
      where: { userId, provider: X_PROVIDER_ID },
      select: { providerAccountId: true },
    });
    if (!link) return [];
    // The reply processor takes this lock too: once the unlink commits, no add of theirs lands.
    await lockXUsers(prismaSql(tx), [link.providerAccountId]);
    return prismaSql(tx).query(DELETE_LINK, [userId, X_PROVIDER_ID]);
  }, ACCOUNT_ROW_TRANSACTION);
  if (deleted.length === 0) return { unlinked: false, revokedAtX: false };
  const revoked = await Promise.all(deleted.map((row) => revokeAtX(row, "unlinked X tokens")));
  return { unlinked: true, revokedAtX: revoked.every(Boolean) };
}
