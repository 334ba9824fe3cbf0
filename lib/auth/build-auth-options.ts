import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions, Profile } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import TwitterProvider from "next-auth/providers/twitter";
import { db } from "@/lib/database/db";
import { getEnv, type Env } from "@/lib/env";
import { authLogger } from "@/lib/auth/auth-logger";
import type { ClaimNotice } from "@/lib/auth/claim-notice";
import { withEncryptedTokens } from "@/lib/auth/encrypting-adapter";
import { sendSignInEmail } from "@/lib/auth/send-sign-in-email";
import { normalizeSignInEmail } from "@/lib/auth/sign-in-email";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/sign-in-link";
import {
  BRAND_PROVIDER_ID,
  BRAND_X_SCOPES,
  SHOPPER_X_SCOPES,
  X_PROVIDER_ID,
} from "@/lib/x/x-providers";
import { allowXSignIn } from "@/lib/auth/x-sign-in";
import { connectBrandAtCallback } from "@/lib/auth/connect-brand-at-callback";
import { xUserClient } from "@/lib/x/client";
import { revokeTokensAtX } from "@/lib/x/revoke-tokens";

type XProfile = {
  data: { id: string; name: string; username: string; profile_image_url?: string };
};

/** X's OAuth 2.0 (PKCE + state) at the configured X or the simulator, with these scopes. */
function xProvider(x: Env["x"], id: string, name: string, scope: string) {
  return TwitterProvider({
    id,
    name,
    version: "2.0",
    clientId: x.clientId,
    clientSecret: x.clientSecret,
    authorization: { url: x.authorizeUrl, params: { scope } },
    token: { url: `${x.apiBaseUrl}/2/oauth2/token` },
    userinfo: {
      url: `${x.apiBaseUrl}/2/users/me`,
      // X has issued the grant by now; if its profile cannot be read, next-auth fails before
      // our signIn callback could keep or revoke it, so it is revoked here.
      async request({ tokens }) {
        try {
          const me = await xUserClient(tokens.access_token!).v2.me({
            "user.fields": ["profile_image_url"],
          });
          // X's `{ data }` answer, as `profile` below reads it; next-auth types it loosely.
          return me as unknown as Profile;
        } catch (error) {
          await revokeTokensAtX(
            { accessToken: tokens.access_token, refreshToken: tokens.refresh_token },
            "the X grant whose profile could not be read",
          );
          throw error;
        }
      },
    },
    profile: ({ data }: XProfile) => ({
      id: data.id,
      name: data.name,
      email: null,
      image: data.profile_image_url ?? null,
      username: data.username,
    }),
  });
}

/**
 * Options for one request; `sessionToken` is the caller's session cookie, if any. Where a
 * request for a sign-in email was checked first, `allowedEmail` is the one address it may go
 * to (null: none). `onClaimed` hears of an X link that put earlier replies into the cart.
 */
export function buildAuthOptions({
  sessionToken,
  allowedEmail,
  onClaimed,
}: {
  sessionToken?: string;
  allowedEmail?: string | null;
  onClaimed?: (claim: ClaimNotice) => void;
} = {}): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    // @next-auth/prisma-adapter is typed against @prisma/client; ours is generated elsewhere.
    adapter: withEncryptedTokens(PrismaAdapter(db as never)),
    session: { strategy: "database" },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    logger: authLogger,
    providers: [
      EmailProvider({
        from: env.EMAIL_FROM,
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        normalizeIdentifier: normalizeSignInEmail,
        sendVerificationRequest: (request) => {
          if (allowedEmail !== undefined && request.identifier !== allowedEmail)
            throw new Error("This request was checked for another address");
          return sendSignInEmail(request);
        },
      }),
      xProvider(env.x, X_PROVIDER_ID, "X", SHOPPER_X_SCOPES),
      xProvider(env.x, BRAND_PROVIDER_ID, "X (shop brand account)", BRAND_X_SCOPES),
    ],
    callbacks: {
      signIn: ({ account, profile }) => {
        if (account?.provider === X_PROVIDER_ID)
          return allowXSignIn(account, profile, sessionToken, onClaimed);
        if (account?.provider === BRAND_PROVIDER_ID)
          return connectBrandAtCallback(account, profile, sessionToken);
        return true;
      },
      session: ({ session, user }) => ({
        ...session,
        user: { ...session.user, id: user.id, role: (user as { role?: string }).role ?? "SHOPPER" },
      }),
    },
  };
}
