import { db as appDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ACCOUNT_ROW_TRANSACTION, lockXUsers } from "@/lib/x/lock-x-user";
import { BRAND_PROVIDER_ID, BRAND_X_SCOPES, X_PROVIDER_ID } from "@/lib/x/x-providers";
import { revokeAtX, revokeTokensAtX, type SealedTokens } from "@/lib/x/revoke-tokens";
import { sealToken } from "@/lib/x/token-store";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import { lockKeys } from "@/lib/database/advisory-locks";
import type { Account } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";

// The shop has one brand X account. Its tokens live in an Account row (provider "x-brand")
// owned by the admin who connected it, so they are encrypted and refreshed like a shopper's.

const LOCK_BRAND_ROW = statement<SealedTokens & Pick<Account, "providerAccountId" | "username">>(
  `SELECT "providerAccountId", username, access_token, refresh_token FROM "Account"
   WHERE provider = $1 FOR UPDATE`,
);

// RETURNING gives the tokens as deleted: if a refresh held the row, the rotated ones.
const DELETE_BRAND_ROW = statement<
  SealedTokens & Pick<Account, "id" | "providerAccountId" | "username">
>(
  `DELETE FROM "Account" WHERE provider = $1
   RETURNING id, "providerAccountId", username, access_token, refresh_token`,
);

/** What the audit log keeps of a brand account: which X account, never its tokens. */
const auditedBrand = (row: { providerAccountId: string; username: string | null }) => ({
  xUserId: row.providerAccountId,
  username: row.username,
});

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

export type ConnectBrandResult =
  { status: "connected"; replacedUsername: string | null } | { status: "linked-to-shopper" };

/**
 * Makes `grant` the shop's brand account, owned by `owner` (who connected it), replacing any
 * other, and revokes at X every token that is not kept: a different X account's, the same
 * account's previous ones, or this grant itself when the X account is a shopper's link (the
 * shop's bot must not be a shopper, and that shopper's replies would be ignored as the bot's
 * own). Records the connection in the audit log. Returns the handle replaced.
 */
export async function connectBrand(
  owner: AuditActor,
  grant: BrandGrant,
  database: PrismaClient = appDb,
): Promise<ConnectBrandResult> {
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
  const outcome = await database.$transaction(async (tx) => {
    // Two admins connecting at once must still leave one brand row.
    await lockKeys(prismaSql(tx), ["replycart:brand-account"]);
    await lockXUsers(prismaSql(tx), [grant.xUserId]);
    const shopperLinks = await tx.account.count({
      where: { provider: X_PROVIDER_ID, providerAccountId: grant.xUserId },
    });
    if (shopperLinks) return null;
    // Locked, so these are the tokens as replaced, even if a refresh had just rotated them.
    const old = await prismaSql(tx).query(LOCK_BRAND_ROW, [BRAND_PROVIDER_ID]);
    await tx.account.deleteMany({
      where: { provider: BRAND_PROVIDER_ID, providerAccountId: { not: grant.xUserId } },
    });
    const account = await tx.account.upsert({
      where: {
        provider_providerAccountId: {
          provider: BRAND_PROVIDER_ID,
          providerAccountId: grant.xUserId,
        },
      },
      create: {
        userId: owner.id,
        type: "oauth",
        provider: BRAND_PROVIDER_ID,
        providerAccountId: grant.xUserId,
        ...tokens,
      },
      update: { userId: owner.id, ...tokens, createdAt: new Date(), grantedAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: owner,
      action: "brand.connect",
      subject: { type: "Account", id: account.id },
      before: old[0] ? auditedBrand(old[0]) : null,
      after: auditedBrand({ providerAccountId: grant.xUserId, username: grant.username }),
    });
    return old;
  }, ACCOUNT_ROW_TRANSACTION);
  if (!outcome) {
    await revokeTokensAtX(grant, "the X grant refused as brand (linked to a shopper)");
    return { status: "linked-to-shopper" };
  }
  await Promise.all(outcome.map((old) => revokeAtX(old, "the replaced brand tokens")));
  const other = outcome.find((old) => old.providerAccountId !== grant.xUserId);
  return {
    status: "connected",
    replacedUsername: other ? (other.username ?? other.providerAccountId) : null,
  };
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

export type DisconnectBrandResult =
  { disconnected: false } | { disconnected: true; revokedAtX: boolean; audit: AuditReceipt };

/**
 * Forgets the brand account's tokens, recording who did, and then revokes them at X (best
 * effort: the shop forgets them whatever X answers).
 */
export async function disconnectBrand(
  actor: AuditActor,
  database: PrismaClient = appDb,
): Promise<DisconnectBrandResult> {
  const outcome = await database.$transaction(async (tx) => {
    // One row at most (connectBrand keeps one), but whatever is there is forgotten.
    const deleted = await prismaSql(tx).query(DELETE_BRAND_ROW, [BRAND_PROVIDER_ID]);
    const receipts = [];
    for (const row of deleted)
      receipts.push(
        await recordAudit(tx, {
          actor,
          action: "brand.disconnect",
          subject: { type: "Account", id: row.id },
          before: auditedBrand(row),
          after: null,
        }),
      );
    return { deleted, audit: receipts[0] };
  }, ACCOUNT_ROW_TRANSACTION);
  if (!outcome.audit) return { disconnected: false };
  const revoked = await Promise.all(
    outcome.deleted.map((row) => revokeAtX(row, "the brand tokens")),
  );
  return { disconnected: true, revokedAtX: revoked.every(Boolean), audit: outcome.audit };
}
