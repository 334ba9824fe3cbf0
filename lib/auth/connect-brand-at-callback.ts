import type { Account, Profile } from "next-auth";
import { can } from "@/lib/accounts/roles";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { revokeUnkeptGrant, xProfileFields } from "@/lib/auth/x-sign-in";
import { connectBrand, missingBrandScopes } from "@/lib/brand/brand-account";
import { brandConnectedRedirect } from "@/lib/brand/replaced-notice";
import { getEnv } from "@/lib/env";
import { describeXFailure } from "@/lib/x/describe-x-failure";
import { describeSetup, setUpX } from "@/lib/brand/set-up-x";
import { createLogger } from "@/lib/log/logger";

const setupLog = createLogger("x:setup");

// `settled`: the grant was stored, or connectBrand revoked it; otherwise it is revoked here.
type Decision = { redirect: string; settled: boolean };
const refused = (redirect: string): Decision => ({ redirect, settled: false });

async function decide(
  account: Account,
  profile: Profile | object | undefined,
  sessionToken: string | undefined,
): Promise<Decision> {
  const owner = await findSessionUser(sessionToken);
  // Not /admin/x: that answers 404 to anyone outside the console, and staff may not connect.
  if (!owner || !can(owner.role, "x_account")) return refused("/account?error=AccessDenied");
  if (!account.access_token) return refused("/admin/x?error=BrandConnectFailed");
  if (missingBrandScopes(account.scope).length) return refused("/admin/x?error=BrandScopes");
  const { username, profileImageUrl } = xProfileFields(profile);
  const outcome = await connectBrand(owner, {
    xUserId: account.providerAccountId,
    username: username ?? account.providerAccountId,
    profileImageUrl,
    accessToken: account.access_token,
    refreshToken: account.refresh_token,
    expiresAt: account.expires_at,
    scope: account.scope,
  });
  if (outcome.status === "linked-to-shopper")
    return { redirect: "/admin/x?error=BrandIsShopper", settled: true };
  void subscribeBrand();
  return {
    redirect: brandConnectedRedirect(outcome.replacedUsername, getEnv().NEXTAUTH_SECRET!),
    settled: true,
  };
}

/**
 * `npm run x:setup` for a newly connected brand: its replies, mentions and deletes subscribed at
 * X. In the background (the admin need not wait on X), logged as one line per step.
 */
async function subscribeBrand() {
  try {
    const report = await setUpX({ webhookUrl: new URL("/api/x/webhook", getEnv().APP_URL).href });
    for (const line of describeSetup(report)) setupLog.info(line);
  } catch (error) {
    setupLog.error(
      `failed for the new brand account (run npm run x:setup): ${describeXFailure(error)}`,
    );
  }
}

/**
 * next-auth's signIn callback for the brand provider. The grant is stored here, as the shop's
 * brand account, and next-auth is sent on to /admin/x instead of linking or signing anyone in:
 * the admin's own session and X link stay as they were. A grant that is not stored is revoked
 * at X (best effort; the admin waits for it, at most one X request timeout).
 */
export async function connectBrandAtCallback(
  account: Account,
  profile: Profile | object | undefined,
  sessionToken: string | undefined,
): Promise<string> {
  let decision: Decision;
  try {
    decision = await decide(account, profile, sessionToken);
  } catch (error) {
    await revokeUnkeptGrant(account, "of a brand connection that failed");
    throw error;
  }
  if (!decision.settled)
    await revokeUnkeptGrant(account, `refused as brand (${decision.redirect})`);
  return decision.redirect;
}
