import { db } from "@/lib/db";
import { X_PROVIDER_ID } from "@/lib/auth/x-providers";
import { revokeAtX } from "@/lib/x/revoke-tokens";

export type UnlinkResult = { unlinked: boolean; revokedAtX: boolean };

/**
 * Deletes the shopper's X link and its tokens, and revokes the tokens at X. The row is deleted
 * even when X cannot be reached: the shopper asked us to forget the account.
 */
export async function unlinkX(userId: string): Promise<UnlinkResult> {
  const account = await db.account.findFirst({
    where: { userId, provider: X_PROVIDER_ID },
    select: { id: true, access_token: true, refresh_token: true },
  });
  if (!account) return { unlinked: false, revokedAtX: false };
  await db.account.delete({ where: { id: account.id } });
  return { unlinked: true, revokedAtX: await revokeAtX(account) };
}
