import type { Context, Hono } from "hono";
import type { SimContext } from "../context";
import { randomToken } from "../crypto";
import { createDemoUser } from "../helpers/create-user";
import { findUserByName } from "../posts/render-user";
import type { StoredApp } from "../state/types";
import { consentPage, errorPage } from "./consent-page";
import { parseScopes } from "./scopes";

interface AuthorizeRequest {
  app: StoredApp;
  redirectUri: string;
  state: string;
  scopes: string[];
  challenge: string;
  method: "S256" | "plain";
}

/** Checks an authorization request; errors are shown on X's page, never sent to the client. */
function validate(sim: SimContext, params: URLSearchParams): AuthorizeRequest | string {
  const app = sim.store.state.apps.find((a) => a.clientId === params.get("client_id"));
  if (!app) return "Unknown client_id.";
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!app.redirectUris.includes(redirectUri))
    return "redirect_uri does not match a registered callback URL exactly.";
  if (params.get("response_type") !== "code") return "response_type must be code.";
  const state = params.get("state");
  if (!state) return "Missing required parameter [state].";
  const challenge = params.get("code_challenge");
  if (!challenge) return "Missing required parameter [code_challenge].";
  const rawMethod = (params.get("code_challenge_method") ?? "plain").toLowerCase();
  if (rawMethod !== "s256" && rawMethod !== "plain")
    return "code_challenge_method must be S256 or plain.";
  const { scopes, unknown } = parseScopes(params.get("scope") ?? "");
  if (!scopes.length) return "Missing required parameter [scope].";
  if (unknown.length) return `Invalid scope: ${unknown.join(", ")}.`;
  return {
    app,
    redirectUri,
    state,
    scopes,
    challenge,
    method: rawMethod === "s256" ? "S256" : "plain",
  };
}

function redirectTo(c: Context, base: string, query: Record<string, string>) {
  const url = new URL(base);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return c.redirect(url.toString(), 302);
}

// GET /i/oauth2/authorize - the consent page
function showConsent(c: Context, sim: SimContext) {
  const params = new URL(c.req.url).searchParams;
  const request = validate(sim, params);
  if (typeof request === "string") return c.html(errorPage(request), 400);
  return c.html(consentPage(request.app, sim.store.state.users, request.scopes, params));
}

// POST /i/oauth2/authorize - approve (code) or deny (access_denied), back to the client
async function decide(c: Context, sim: SimContext) {
  const form = new URLSearchParams(await c.req.text());
  const params = new URLSearchParams();
  for (const key of [
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
  ]) {
    const value = form.get(key);
    if (value !== null) params.set(key, value);
  }
  const request = validate(sim, params);
  if (typeof request === "string") return c.html(errorPage(request), 400);
  if (form.get("decision") !== "approve") {
    return redirectTo(c, request.redirectUri, { error: "access_denied", state: request.state });
  }
  let username = form.get("username") ?? "";
  if (username === "__new__") {
    const created = createDemoUser(
      sim,
      (form.get("new_username") ?? "").trim(),
      form.get("new_name") ?? "",
    );
    if (!created.ok)
      return c.html(
        consentPage(request.app, sim.store.state.users, request.scopes, params, created.message),
        400,
      );
    username = created.user.username;
  }
  const user = findUserByName(sim.store.state, username);
  if (!user)
    return c.html(
      consentPage(
        request.app,
        sim.store.state.users,
        request.scopes,
        params,
        "Pick the account to authorize, then click Authorize app.",
      ),
      400,
    );
  const code = randomToken(48);
  sim.store.state.authCodes = sim.store.state.authCodes.filter(
    (a) => !a.used && a.expiresAt > sim.now(),
  );
  sim.store.state.authCodes.push({
    code,
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    userId: user.id,
    challenge: request.challenge,
    method: request.method,
    expiresAt: sim.now() + sim.options.codeTtlMs,
    used: false,
  });
  sim.store.changed();
  return redirectTo(c, request.redirectUri, { state: request.state, code });
}

export function mountAuthorizeRoutes(app: Hono, sim: SimContext): void {
  app.get("/i/oauth2/authorize", (c) => showConsent(c, sim));
  app.get("/2/oauth2/authorize", (c) => showConsent(c, sim));
  app.post("/i/oauth2/authorize", (c) => decide(c, sim));
}
