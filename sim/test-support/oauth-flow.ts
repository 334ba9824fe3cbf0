import { randomToken, s256Challenge } from "../crypto";
import { DEFAULT_APP } from "../state/seed";

export const REDIRECT = DEFAULT_APP.redirectUris[0]!;

export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  method?: string;
  verifier?: string;
}

/** Walks the consent page like a browser: returns the redirect Location and the PKCE verifier. */
export async function consent(
  simUrl: string,
  params: AuthorizeParams = {},
  decision = "approve",
  username = "alice",
) {
  const verifier = params.verifier ?? randomToken(32);
  const method = params.method ?? "S256";
  const query = new URLSearchParams({
    response_type: "code",
    client_id: params.clientId ?? DEFAULT_APP.clientId,
    redirect_uri: params.redirectUri ?? REDIRECT,
    scope: params.scope ?? "tweet.read users.read offline.access",
    state: "state-123",
    code_challenge: method.toLowerCase() === "plain" ? verifier : s256Challenge(verifier),
    code_challenge_method: method,
  });
  const page = await fetch(`${simUrl}/i/oauth2/authorize?${query}`);
  const html = await page.text();
  const form = new URLSearchParams(query);
  form.set("decision", decision);
  form.set("username", username);
  const res = await fetch(`${simUrl}/i/oauth2/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  const location = new URL(res.headers.get("location") ?? "http://invalid/");
  return {
    pageStatus: page.status,
    html,
    status: res.status,
    location,
    code: location.searchParams.get("code") ?? "",
    verifier,
  };
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export async function tokenRequest(
  simUrl: string,
  body: Record<string, string>,
  init: { auth?: string; json?: boolean } = {},
) {
  const headers: Record<string, string> = {
    "content-type": init.json ? "application/json" : "application/x-www-form-urlencoded",
  };
  if (init.auth) headers.authorization = init.auth;
  const res = await fetch(`${simUrl}/2/oauth2/token`, {
    method: "POST",
    headers,
    body: init.json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

export const CONFIDENTIAL = basicAuth(DEFAULT_APP.clientId, DEFAULT_APP.clientSecret!);
