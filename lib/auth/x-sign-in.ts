import type { Account, Profile } from "next-auth";
import { db } from "@/lib/database/db";
import { claimXLink } from "@/lib/accounts/claim-x-link";
import { replaceXTokens, type XGrantFields } from "@/lib/accounts/replace-x-tokens";
import type { ClaimNotice } from "@/lib/auth/claim-notice";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { BRAND_PROVIDER_ID, X_PROVIDER_ID } from "@/lib/x/x-providers";
import { revokeAtX, revokeTokensAtX, type SealedTokens } from "@/lib/x/revoke-tokens";
import { sealToken } from "@/lib/x/token-store";

/** The handle and avatar in X's /2/users/me answer, which next-auth passes to signIn as is. */
export function xProfileFields(profile: Profile | object | undefined) {
  const data = (profile as { data?: { username?: string; profile_image_url?: string } })?.data;
  return { username: data?.username ?? null, profileImageUrl: data?.profile_image_url ?? null };
}

function grantFields(account: Account, profile: Profile | object | undefined): XGrantFields {
  return {
    access_token: sealToken(account.access_token),
    refresh_token: sealToken(account.refresh_token),
    expires_at: account.expires_at ?? null,
    scope: account.scope ?? null,
    token_type: account.token_type ?? null,
    tokenError: null,
    ...xProfileFields(profile),
  };
}

/** Revokes a grant X gave in this callback that we are not keeping (RFC 7009), best effort. */
export function revokeUnkeptGrant(account: Account, why: string) {
  return revokeTokensAtX(
    { accessToken: account.access_token, refreshToken: account.refresh_token },
    `the X grant ${why}`,
  );
}

type Decision =
  { result: true; replaced: SealedTokens | null; claim?: ClaimNotice } | { result: string };

const isBrandAccount = async (xUserId: string) =>
  (await db.account.count({ where: { provider: BRAND_PROVIDER_ID, providerAccountId: xUserId } })) >
  0;

async function decide(
  account: Account,
  profile: Profile | object | undefined,
  sessionToken: string | undefined,
): Promise<Decision> {
  const xUserId = account.providerAccountId;
  const fields = grantFields(account, profile);
  const shopper = await findSessionUser(sessionToken);
  if (!shopper) {
    const replaced = await replaceXTokens(xUserId, fields);
    if (replaced) return { result: true, replaced };
    const code = (await isBrandAccount(xUserId)) ? "XIsBrand" : "XNotLinked";
    return { result: `/signin?error=${code}` };
  }
  const claim = await claimXLink(shopper.id, xUserId, fields);
  if (claim.outcome === "linked")
    return {
      result: true,
      replaced: null,
      claim: claim.claimedItems ? { userId: shopper.id, items: claim.claimedItems } : undefined,
    };
  if (claim.outcome === "brand") return { result: "/account?error=XIsBrand" };
  // The X account is linked already (to this shopper: a re-link refreshes the tokens; or to
  // someone else), or this shopper has linked a different X account (from a stale tab).
  const replaced = await replaceXTokens(xUserId, fields, shopper.id);
  if (replaced) return { result: true, replaced };
  const ownLink = await db.account.count({
    where: { userId: shopper.id, provider: X_PROVIDER_ID },
  });
  return { result: ownLink ? "/account?error=XAlreadyLinked" : "/account?error=XAccountTaken" };
}

/**
 * next-auth's signIn callback for the shopper's X provider.
 *
 * Signed in (linking from /account): the Account row is claimed here, so Postgres's unique key
 * on the X id decides between shop accounts racing for one X user, and every loser is told the
 * X account is taken. (next-auth's own linkAccount would hide that as a generic error.) A
 * second unique key keeps a shop account to one X account, and the shop's brand account is
 * never a shopper's. next-auth then finds the row already belongs to this shopper and keeps
 * their session.
 *
 * Signed out ("Sign in with X"): only an X account linked before signs in; its tokens are
 * replaced with the fresh ones X just gave.
 *
 * Every grant is kept or revoked at X: a refused one at once, replaced tokens after the new
 * ones are stored. The shopper waits for that (X requests time out after 10 s); a failure is
 * logged and does not change the answer.
 *
 * A link that put replies made before it into the cart tells `onClaimed`, so that the page it
 * lands on can say so once (lib/auth/claim-notice.ts).
 */
export async function allowXSignIn(
  account: Account,
  profile: Profile | object | undefined,
  sessionToken: string | undefined,
  onClaimed?: (claim: ClaimNotice) => void,
): Promise<true | string> {
  let decision: Decision;
  try {
    decision = await decide(account, profile, sessionToken);
  } catch (error) {
    await revokeUnkeptGrant(account, "of a sign-in that failed");
    throw error;
  }
  if (decision.result !== true) {
    await revokeUnkeptGrant(account, `refused at sign-in (${decision.result})`);
  } else if (decision.replaced) {
    await revokeAtX(decision.replaced, "X tokens replaced at sign-in");
  } else if (decision.claim) {
    onClaimed?.(decision.claim);
  }
  return decision.result;
}
