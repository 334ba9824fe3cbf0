import { db as appDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID, BRAND_X_SCOPES } from "@/lib/auth/x-providers";
import { revokeAtX, type SealedTokens } from "@/lib/x/revoke-tokens";
import { sealToken } from "@/lib/x/token-store";

// The shop has one brand X account. Its tokens live in an Account row (provider "x-brand")
// owned by the admin who connected it, so they are encrypted and refreshed like a shopper's.

export type BrandGrant = {
  xUserId: string;
  username: string;
  profileImageUrl?: string | null;
  accessToken: string;
  refreshToken?: string | null;
  /** Seconds since the epoch, as next-auth's `expires_at`. */
  expiresAt?: number | null;
  scope?: string | null;
};

/** The scopes the brand needs that a grant lacks; empty when it has them all. */
export function missingBrandScopes(scope: string | null | undefined): string[] {
  const granted = new Set((scope ?? "").split(/[\s,]+/));
  return BRAND_X_SCOPES.split(" ").filter((needed) => !granted.has(needed));
}

/**
 * Makes `grant` the shop's brand account, replacing any other. Reconnecting the same X account
 * replaces its tokens; a different X account's old tokens are revoked at X afterwards.
 */
export async function connectBrand(
  userId: string,
  grant: BrandGrant,
  database: PrismaClient = appDb,
) {
  const tokens = {
    access_token: sealToken(grant.accessToken),
    refresh_token: sealToken(grant.refreshToken),
    expires_at: grant.expiresAt ?? null,
    scope: grant.scope ?? null,
    token_type: "bearer",
    username: grant.username,
    profileImageUrl: grant.profileImageUrl ?? null,
    tokenRefreshedAt: null,
    tokenError: null,
  };
  const replaced = await database.$transaction(async (tx) => {
    // Two admins connecting at once must still leave one brand row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('replycart:brand-account'))`;
    const others = await tx.$queryRaw<SealedTokens[]>`
      DELETE FROM "Account"
      WHERE provider = ${BRAND_PROVIDER_ID} AND "providerAccountId" <> ${grant.xUserId}
      RETURNING access_token, refresh_token`;
    await tx.account.upsert({
      where: {
        provider_providerAccountId: {
          provider: BRAND_PROVIDER_ID,
          providerAccountId: grant.xUserId,
        },
      },
      create: {
        userId,
        type: "oauth",
        provider: BRAND_PROVIDER_ID,
        providerAccountId: grant.xUserId,
        ...tokens,
      },
      update: { userId, ...tokens, createdAt: new Date() },
    });
    return others;
  });
  await Promise.all(replaced.map((old) => revokeAtX(old)));
}

export type BrandStatus = {
  accountId: string;
  xUserId: string;
  username: string | null;
  profileImageUrl: string | null;
  connectedAt: Date;
  connectedBy: string | null;
  expiresAt: Date | null;
  refreshedAt: Date | null;
  error: string | null;
  missingScopes: string[];
};

/** The connected brand account and its token health (never its tokens), or null. */
export async function getBrandStatus(database: PrismaClient = appDb): Promise<BrandStatus | null> {
  const row = await database.account.findFirst({
    where: { provider: BRAND_PROVIDER_ID },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      providerAccountId: true,
      username: true,
      profileImageUrl: true,
      createdAt: true,
      expires_at: true,
      scope: true,
      tokenRefreshedAt: true,
      tokenError: true,
      user: { select: { email: true, name: true } },
    },
  });
  if (!row) return null;
  return {
    accountId: row.id,
    xUserId: row.providerAccountId,
    username: row.username,
    profileImageUrl: row.profileImageUrl,
    connectedAt: row.createdAt,
    connectedBy: row.user.email ?? row.user.name,
    expiresAt: row.expires_at ? new Date(row.expires_at * 1000) : null,
    refreshedAt: row.tokenRefreshedAt,
    error: row.tokenError,
    missingScopes: missingBrandScopes(row.scope),
  };
}

/** Forgets the brand account's tokens and revokes them at X (best effort). */
export async function disconnectBrand(database: PrismaClient = appDb) {
  // RETURNING gives the tokens as deleted: if a refresh held the row, the rotated ones.
  const deleted = await database.$queryRaw<SealedTokens[]>`
    DELETE FROM "Account" WHERE provider = ${BRAND_PROVIDER_ID}
    RETURNING access_token, refresh_token`;
  const revoked = await Promise.all(deleted.map((row) => revokeAtX(row)));
  return { disconnected: deleted.length > 0, revokedAtX: revoked.every(Boolean) };
}
