import type { Account, Profile } from "next-auth";
import { findSessionUser } from "@/lib/auth/session-user";
import { xProfileFields } from "@/lib/auth/x-sign-in";
import { connectBrand, missingBrandScopes } from "@/lib/brand/brand-account";

/**
 * next-auth's signIn callback for the brand provider. The grant is stored here, as the shop's
 * brand account, and next-auth is sent on to /admin/x instead of linking or signing anyone in:
 * the admin's own session and X link stay as they were.
 */
export async function connectBrandAtCallback(
  account: Account,
  profile: Profile | object | undefined,
  sessionToken: string | undefined,
): Promise<string> {
  const admin = await findSessionUser(sessionToken);
  // Not /admin/x: that answers 404 to anyone but an admin.
  if (admin?.role !== "ADMIN") return "/account?error=AccessDenied";
  if (!account.access_token) return "/admin/x?error=BrandConnectFailed";
  if (missingBrandScopes(account.scope).length) return "/admin/x?error=BrandScopes";
  const { username, profileImageUrl } = xProfileFields(profile);
  await connectBrand(admin.id, {
    xUserId: account.providerAccountId,
    username: username ?? account.providerAccountId,
    profileImageUrl,
    accessToken: account.access_token,
    refreshToken: account.refresh_token,
    expiresAt: account.expires_at,
    scope: account.scope,
  });
  return "/admin/x?notice=connected";
}
