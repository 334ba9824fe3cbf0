import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import TwitterProvider from "next-auth/providers/twitter";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withEncryptedTokens } from "@/lib/auth/encrypting-adapter";
import { sendSignInEmail } from "@/lib/auth/send-sign-in-email";
import { allowXSignIn, rememberXProfile } from "@/lib/auth/x-sign-in";

export const X_PROVIDER_ID = "twitter";
export const SHOPPER_X_SCOPES = "tweet.read users.read offline.access";

type XProfile = {
  data: { id: string; name: string; username: string; profile_image_url?: string };
};

/** Options for one request; `sessionToken` is the caller's session cookie, if any. */
export function buildAuthOptions({
  sessionToken,
}: { sessionToken?: string } = {}): NextAuthOptions {
  const env = getEnv();
  const { x } = env;
  return {
    secret: env.NEXTAUTH_SECRET,
    // @next-auth/prisma-adapter is typed against @prisma/client; ours is generated elsewhere.
    adapter: withEncryptedTokens(PrismaAdapter(db as never)),
    session: { strategy: "database" },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      EmailProvider({ from: env.EMAIL_FROM, sendVerificationRequest: sendSignInEmail }),
      TwitterProvider({
        id: X_PROVIDER_ID,
        name: "X",
        version: "2.0",
        clientId: x.clientId,
        clientSecret: x.clientSecret,
        authorization: { url: x.authorizeUrl, params: { scope: SHOPPER_X_SCOPES } },
        token: { url: `${x.apiBaseUrl}/2/oauth2/token` },
        userinfo: {
          url: `${x.apiBaseUrl}/2/users/me`,
          params: { "user.fields": "profile_image_url" },
        },
        profile: ({ data }: XProfile) => ({
          id: data.id,
          name: data.name,
          email: null,
          image: data.profile_image_url ?? null,
          username: data.username,
        }),
      }),
    ],
    callbacks: {
      signIn: ({ account }) =>
        account?.provider === X_PROVIDER_ID ? allowXSignIn(account, sessionToken) : true,
      session: ({ session, user }) => ({
        ...session,
        user: { ...session.user, id: user.id, role: (user as { role?: string }).role ?? "SHOPPER" },
      }),
    },
    events: {
      linkAccount: ({ account, profile }) => rememberXProfile(account, profile),
      signIn: ({ account, profile }) =>
        account && profile ? rememberXProfile(account, profile) : undefined,
    },
  };
}
