import { NextResponse, type NextRequest } from "next/server";
import { signInRedirect } from "@/lib/auth/sign-in-gate";
import { isMalformedPath } from "@/lib/http/malformed-path";
import { getEnv } from "@/lib/env";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { xImageOrigins } from "@/lib/x/profile-image";

// Runs before routing on every request but Next's own built files and image optimizer, the dev
// server's websocket (/_next/hmr), and X's webhook: pages, API routes and every 404 (a made-up
// /_next/ path included) get the policy. The webhook answers X with JSON, never a browser, and
// is the one route that must keep up with X's deliveries: this proxy halved its throughput.
// (The bench's no-op route skips it too, so that it stays the webhook's ceiling.) The other
// security headers, in next.config.js, reach every response. A shopper's own pages, asked for
// with no session cookie, are redirected to sign in here, before their loading state streams.
export function proxy(request: NextRequest) {
  const env = getEnv();
  const signIn = signInRedirect(request.method, request.nextUrl, (name) =>
    request.cookies.has(name),
  );
  if (signIn) return NextResponse.redirect(new URL(signIn, request.url), 307);

  const nonce = createNonce();
  // NODE_ENV is fixed by `next dev` and `next build`, not read from the environment at run time.
  const policy = buildContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    imageOrigins: xImageOrigins(env.x),
  });
  // Next.js puts the nonce on its own scripts when it finds it in the request's policy header,
  // so every page must render per request (the root layout's session lookup makes sure of it).
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);

  // Next answers a path it cannot percent-decode (`/p/%ZZ`) with a bare 500; those are a 404.
  const response = isMalformedPath(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL("/_malformed-path", request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static/|_next/image|_next/hmr|api/x/webhook$|api/bench/noop$).*)"],
};
