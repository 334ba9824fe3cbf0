// GET/POST /api/auth/* - next-auth: email magic links and X OAuth 2.0 (PKCE + state).
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { sessionCookieName } from "@/lib/auth/session-cookie";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  const sessionToken = (await cookies()).get(sessionCookieName())?.value;
  return NextAuth(
    request as never,
    { params: await context.params } as never,
    buildAuthOptions({ sessionToken }),
  );
}

export { handler as GET, handler as POST };
