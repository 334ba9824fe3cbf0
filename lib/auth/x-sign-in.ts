import type { Account, Profile } from "next-auth";
import { db } from "@/lib/db";
import { findSessionUser } from "@/lib/auth/session-user";
import { sealToken } from "@/lib/x/token-store";

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** The handle and avatar in X's /2/users/me answer, which next-auth passes to signIn as is. */
export function xProfileFields(profile: Profile | object | undefined) {
  const data = (profile as { data?: { username?: string; profile_image_url?: string } })?.data;
  return { username: data?.username ?? null, profileImageUrl: data?.profile_image_url ?? null };
}

/** What we keep of a grant X just gave: tokens sealed, plus the handle and avatar. */
function grantFields(account: Account, profile: Profile | object | undefined) {
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

/**
 * next-auth's signIn callback for the shopper's X provider.
 *
 * Signed in (linking from /account): the Account row is claimed here, so Postgres's unique key
 * on the X id decides between shop accounts racing for one X user, and every loser is told the
 * X account is taken. (next-auth's own linkAccount would hide that as a generic error.) A
 * second unique key keeps a shop account to one X account.
 * next-auth then finds the row already belongs to this shopper and keeps their session.
 *
 * Signed out ("Sign in with X"): only an X account linked before signs in; its tokens are
 * replaced with the fresh ones X just gave.
 */
export async function allowXSignIn(
  account: Account,
  profile: Profile | object | undefined,
  sessionToken: string | undefined,
): Promise<true | string> {
  const key = { provider: account.provider, providerAccountId: account.providerAccountId };
  const fields = grantFields(account, profile);
  const shopper = await findSessionUser(sessionToken);
  if (!shopper) {
    const { count } = await db.account.updateMany({ where: key, data: fields });
    return count === 1 ? true : "/signin?error=XNotLinked";
  }
  try {
    await db.account.create({ data: { ...key, ...fields, userId: shopper.id, type: "oauth" } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // The X account is linked already (to this shopper: a re-link refreshes the tokens; or to
  // someone else), or this shopper has linked a different X account (from a stale tab).
  const { count } = await db.account.updateMany({
    where: { ...key, userId: shopper.id },
    data: fields,
  });
  if (count === 1) return true;
  const ownLink = await db.account.count({
    where: { userId: shopper.id, provider: account.provider },
  });
  return ownLink ? "/account?error=XAlreadyLinked" : "/account?error=XAccountTaken";
}
