import { db } from "@/lib/database/db";
import { ACCOUNT_ROW_TRANSACTION } from "@/lib/x/lock-x-user";
import { X_PROVIDER_ID } from "@/lib/x/x-providers";
import type { SealedTokens } from "@/lib/x/revoke-tokens";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import type { Account } from "@/lib/generated/prisma/client";

/** What we keep of a grant X just gave: tokens sealed, plus the handle and avatar. */
export type XGrantFields = {
  access_token: string | null;
  refresh_token: string | null;
  expires_at: number | null;
  scope: string | null;
  token_type: string | null;
  tokenError: null;
  username: string | null;
  profileImageUrl: string | null;
};

const LOCK_LINK = statement<SealedTokens & Pick<Account, "id">>(
  `SELECT id, access_token, refresh_token FROM "Account"
   WHERE provider = $1 AND "providerAccountId" = $2
     AND ($3::text IS NULL OR "userId" = $3)
   FOR UPDATE`,
);

/**
 * Stores a fresh grant on an existing X link (of `userId` only, when given) and returns the
 * tokens it replaced, still sealed, for the caller to revoke at X; null when there is no such
 * link. The row lock makes these the tokens as replaced, even if a refresh had just rotated them.
 */
export async function replaceXTokens(
  xUserId: string,
  fields: XGrantFields,
  userId?: string,
): Promise<SealedTokens | null> {
  return db.$transaction(async (tx) => {
    const [old] = await prismaSql(tx).query(LOCK_LINK, [X_PROVIDER_ID, xUserId, userId ?? null]);
    if (!old) return null;
    await tx.account.update({ where: { id: old.id }, data: { ...fields, grantedAt: new Date() } });
    return { access_token: old.access_token, refresh_token: old.refresh_token };
  }, ACCOUNT_ROW_TRANSACTION);
}
