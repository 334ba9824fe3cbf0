// GET/POST /api/auth/* - next-auth: email magic links and X OAuth 2.0 (PKCE + state).
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import { buildAuthOptions } from "@/lib/auth/build-auth-options";
import { claimNoticeCookie, type ClaimNotice } from "@/lib/auth/claim-notice";
import { guardEmailSignIn, type EmailSignInVerdict } from "@/lib/auth/guard-email-sign-in";
import { csrfCookieName, sessionCookieName, usesSecureCookies } from "@/lib/auth/session-cookie";
import { readAuthForm } from "@/lib/auth/sign-in-email";
import { SIGN_IN_EMAIL_COOKIE, SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/sign-in-link";
import { isCsrfVerified } from "@/lib/auth/verify-csrf";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { brandErrorRedirect } from "@/lib/brand/brand-error-redirect";
import { getEnv } from "@/lib/env";
import { apiError, toResponse } from "@/lib/http/api-answer";
import { clientIp } from "@/lib/http/client-ip";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  const params = await context.params;
  const [action, provider] = params.nextauth;
  const jar = await cookies();
  let allowedEmail: string | undefined;
  if (request.method === "POST" && action === "signin" && provider === "email") {
    const form = await readAuthForm(request);
    const verdict = await guardEmailSignIn({
      email: form.email,
      csrfVerified: isCsrfVerified(
        jar.get(csrfCookieName())?.value,
        form.csrfToken,
        getEnv().NEXTAUTH_SECRET!,
      ),
      clientIp: clientIp(request.headers),
    });
    if (!verdict.ok) return refuseEmailSignIn(verdict);
    allowedEmail = verdict.email;
  }

  const sessionToken = jar.get(sessionCookieName())?.value;
  const claims: ClaimNotice[] = [];
  const response: Response = await NextAuth(
    request as never,
    { params } as never,
    buildAuthOptions({ sessionToken, allowedEmail, onClaimed: (claim) => claims.push(claim) }),
  );
  if (allowedEmail && response.ok) rememberSignInEmail(response, allowedEmail);
  // /account says once that replies made before the link are in the cart now.
  for (const claim of claims)
    response.headers.append("set-cookie", claimNoticeCookie(claim, usesSecureCookies()));
  if (action === "callback" && provider === BRAND_PROVIDER_ID) {
    const location = brandErrorRedirect(response.headers.get("location"), getEnv().APP_URL);
    if (location) response.headers.set("location", location);
  }
  return response;
}

/** JSON for API clients, and a `url` carrying the code for next-auth's own signIn() client. */
function refuseEmailSignIn(verdict: Extract<EmailSignInVerdict, { ok: false }>) {
  const url = new URL("/signin", getEnv().APP_URL);
  url.searchParams.set("error", verdict.code);
  const headers =
    verdict.status === 429 ? { "retry-after": String(verdict.retryAfterSeconds) } : undefined;
  return toResponse(
    apiError(verdict.status, verdict.code, verdict.message, {
      headers,
      extra: { url: url.toString() },
    }),
  );
}

/** Lets /signin/check-email name the address this browser asked for, and no other text. */
function rememberSignInEmail(response: Response, email: string) {
  const secure = usesSecureCookies() ? "; Secure" : "";
  response.headers.append(
    "set-cookie",
    `${SIGN_IN_EMAIL_COOKIE}=${encodeURIComponent(email)}; Path=/signin; Max-Age=${SIGN_IN_LINK_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
  );
}

export { handler as GET, handler as POST };
