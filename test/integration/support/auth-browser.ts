import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { buildAuthOptions } from "@/lib/auth/build-auth-options";
import type { ClaimNotice } from "@/lib/auth/claim-notice";

type RequestInternal = {
  method: "GET" | "POST";
  action: "csrf" | "signin" | "callback";
  providerId?: string;
  query?: Record<string, string>;
  body?: Record<string, string>;
  headers?: Record<string, string>;
};
type ResponseInternal = {
  status?: number;
  redirect?: string;
  body?: unknown;
  cookies?: { name: string; value: string; options?: { maxAge?: number } }[];
};

// next-auth 4 leaves its core handler out of the package's exports map; it is the very
// function its Next route handler calls with the request's cookies, query and body.
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/index.js"),
) as {
  AuthHandler: (params: {
    req: RequestInternal & { origin: string; cookies: Record<string, string> };
    options: NextAuthOptions;
  }) => Promise<ResponseInternal>;
};

// Drives next-auth's real handler (the one behind /api/auth/*) the way one browser would: it
// keeps that browser's cookies between calls. X's side is the simulator, reached over HTTP.
// A signed-in one comes from fixtures.ts's signedInUser.

export const SESSION_COOKIE = "next-auth.session-token";

export type AuthorizeRequest = { url: URL; state: string };

/** What next-auth logged as errors (kept out of the test output; read them when debugging). */
export const nextAuthErrors: { code: string; meta: unknown }[] = [];

export class AuthBrowser {
  readonly cookies = new Map<string, string>();
  /** What the callbacks reported as claimed (the route handler turns each into a cookie). */
  readonly claims: ClaimNotice[] = [];

  /** A browser on the shop at `appUrl` (fixtures.ts's APP_URL), signed in with `sessionToken`. */
  constructor(
    readonly appUrl: string,
    sessionToken?: string,
  ) {
    if (sessionToken) this.cookies.set(SESSION_COOKIE, sessionToken);
  }

  async call(req: RequestInternal) {
    const response = await AuthHandler({
      req: {
        ...req,
        origin: this.appUrl,
        headers: { host: new URL(this.appUrl).host, ...req.headers },
        cookies: Object.fromEntries(this.cookies),
      },
      options: {
        ...buildAuthOptions({
          sessionToken: this.cookies.get(SESSION_COOKIE),
          onClaimed: (claim) => this.claims.push(claim),
        }),
        // next-auth's logger is process-wide: whichever call set it last gets every line.
        logger: {
          error: (code, meta) => nextAuthErrors.push({ code, meta }),
          warn() {},
          debug() {},
        },
      },
    });
    for (const cookie of response.cookies ?? []) {
      if (cookie.options?.maxAge === 0 || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Clicks "Link X" (or "Connect brand account"): returns where next-auth sends the browser. */
  async startOAuth(providerId: string): Promise<AuthorizeRequest> {
    const csrf = await this.call({ method: "GET", action: "csrf" });
    const { csrfToken } = csrf.body as { csrfToken: string };
    const signin = await this.call({
      method: "POST",
      action: "signin",
      providerId,
      body: { csrfToken, callbackUrl: `${this.appUrl}/account` },
    });
    if (!signin.redirect) throw new Error(`next-auth did not redirect to X: ${signin.status}`);
    const url = new URL(signin.redirect);
    return { url, state: url.searchParams.get("state") ?? "" };
  }

  /** X redirects back to /api/auth/callback/<provider> with these query parameters. */
  callback(providerId: string, query: Record<string, string>) {
    return this.call({ method: "GET", action: "callback", providerId, query });
  }
}

/**
 * Answers the simulator's consent page as `username`, as a person clicking "Authorize app" (or
 * "Cancel") would: returns the query X puts on its redirect back to the app.
 */
export async function consentAtX(
  authorize: URL,
  username: string,
  decision: "approve" | "deny" = "approve",
): Promise<Record<string, string>> {
  const form = new URLSearchParams(authorize.searchParams);
  form.set("decision", decision);
  form.set("username", username);
  const response = await fetch(new URL("/i/oauth2/authorize", authorize), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (!location) throw new Error(`consent failed: ${response.status} ${await response.text()}`);
  return Object.fromEntries(new URL(location).searchParams);
}
