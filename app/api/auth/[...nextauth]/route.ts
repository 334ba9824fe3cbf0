// GET/POST /api/auth/* - next-auth: email magic links and X OAuth 2.0 (PKCE + state).
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { BRAND_PROVIDER_ID } from "@/lib/auth/x-providers";
import { brandErrorRedirect } from "@/lib/brand/brand-callback-error";
import { getEnv } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  const sessionToken = (await cookies()).get(sessionCookieName())?.value;
  const params = await context.params;
  const response: Response = await NextAuth(
    request as never,
    { params } as never,
    buildAuthOptions({ sessionToken }),
  );
  const [action, provider] = params.nextauth;
  if (action === "callback" && provider === BRAND_PROVIDER_ID) {
    const location = brandErrorRedirect(response.headers.get("location"), getEnv().APP_URL);
    if (location) response.headers.set("location", location);
  }
  return response;
}

export { handler as GET, handler as POST };
