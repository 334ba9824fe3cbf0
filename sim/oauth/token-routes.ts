import type { Context, Hono } from "hono";
import type { SimContext } from "../context";
import { s256Challenge } from "../crypto";
import { aboutBlank, problemResponse } from "../http/problems";
import { authenticateClient, basicCredentials, readOAuthBody } from "./client-auth";
import { appBearer, issueUserTokens } from "./issue-tokens";
import { mountUserTokenRoutes } from "./list-user-tokens";

function oauthError(c: Context, status: 400 | 401, error: string, description: string) {
  return c.json({ error, error_description: description }, status);
}

const INVALID_CODE = "Value passed for the authorization code was invalid.";

// POST /2/oauth2/token - authorization_code and refresh_token grants
async function token(c: Context, sim: SimContext) {
  // Before anything is read or spent: a refresh token sent into an outage stays unused.
  const forced = sim.store.state.faults.tokenStatus;
  if (forced === 429) return problemResponse(c, 429, aboutBlank(429, "Too Many Requests"));
  if (forced === 503) return problemResponse(c, 503, aboutBlank(503, "Service Unavailable"));
  const body = await readOAuthBody(c);
  const client = authenticateClient(sim.store.state, c.req.header("authorization"), body);
  if (!client.ok) return oauthError(c, client.status, client.error, client.description);
  const state = sim.store.state;
  if (body.grant_type === "authorization_code") {
    for (const name of ["code", "redirect_uri", "code_verifier"]) {
      if (!body[name])
        return oauthError(c, 400, "invalid_request", `Missing required parameter [${name}].`);
    }
    const code = state.authCodes.find((a) => a.code === body.code);
    if (
      !code ||
      code.used ||
      code.clientId !== client.app.clientId ||
      code.expiresAt <= sim.now()
    ) {
      if (code) code.used = true;
      return oauthError(c, 400, "invalid_request", INVALID_CODE);
    }
    code.used = true;
    sim.store.changed();
    if (code.redirectUri !== body.redirect_uri) {
      return oauthError(
        c,
        400,
        "invalid_request",
        "Value passed for the redirect uri did not match the uri of the authorization code.",
      );
    }
    const verifier = body.code_verifier!;
    const expected = code.method === "S256" ? s256Challenge(verifier) : verifier;
    if (expected !== code.challenge) {
      return oauthError(
        c,
        400,
        "invalid_request",
        "Value passed for the code verifier did not match the code challenge.",
      );
    }
    const user = state.users.find((u) => u.id === code.userId);
    if (!user) return oauthError(c, 400, "invalid_request", INVALID_CODE);
    return c.json(issueUserTokens(sim, client.app, user, code.scopes));
  }
  if (body.grant_type === "refresh_token") {
    if (!body.refresh_token)
      return oauthError(c, 400, "invalid_request", "Missing required parameter [refresh_token].");
    const refresh = state.refreshTokens.find((r) => r.token === body.refresh_token);
    if (!refresh || refresh.used || refresh.clientId !== client.app.clientId) {
      return oauthError(c, 400, "invalid_request", "Value passed for the token was invalid.");
    }
    // Refresh tokens are single use: each refresh hands out a new pair.
    refresh.used = true;
    const user = state.users.find((u) => u.id === refresh.userId);
    if (!user)
      return oauthError(c, 400, "invalid_request", "Value passed for the token was invalid.");
    return c.json(issueUserTokens(sim, client.app, user, refresh.scopes));
  }
  return oauthError(c, 400, "invalid_request", "Value passed for the grant type was invalid.");
}

// POST /2/oauth2/revoke - ends an access or refresh token
async function revoke(c: Context, sim: SimContext) {
  const body = await readOAuthBody(c);
  const client = authenticateClient(sim.store.state, c.req.header("authorization"), body);
  if (!client.ok) return oauthError(c, client.status, client.error, client.description);
  if (!body.token)
    return oauthError(c, 400, "invalid_request", "Missing required parameter [token].");
  const state = sim.store.state;
  for (const t of state.userTokens) {
    if (t.token === body.token && t.clientId === client.app.clientId) t.revoked = true;
  }
  for (const r of state.refreshTokens) {
    if (r.token === body.token && r.clientId === client.app.clientId) r.used = true;
  }
  sim.store.changed();
  return c.json({ revoked: true });
}

// POST /oauth2/token - the app-only bearer token (client_credentials, consumer key and secret)
async function appOnlyToken(c: Context, sim: SimContext) {
  const body = await readOAuthBody(c);
  const credentials = basicCredentials(c.req.header("authorization"));
  const app = credentials && sim.store.state.apps.find((a) => a.consumerKey === credentials.id);
  if (!app || app.consumerSecret !== credentials?.secret) {
    return c.json(
      {
        errors: [
          {
            code: 99,
            message: "Unable to verify your credentials",
            label: "authenticity_token_error",
          },
        ],
      },
      403,
    );
  }
  if (body.grant_type !== "client_credentials") {
    return c.json(
      {
        errors: [
          {
            code: 170,
            message: "Missing required parameter: grant_type",
            label: "forbidden_missing_parameter",
          },
        ],
      },
      403,
    );
  }
  return c.json({ token_type: "bearer", access_token: appBearer(sim, app) });
}

export function mountTokenRoutes(app: Hono, sim: SimContext): void {
  app.post("/2/oauth2/token", (c) => token(c, sim));
  app.post("/2/oauth2/revoke", (c) => revoke(c, sim));
  app.post("/oauth2/token", (c) => appOnlyToken(c, sim));
  mountUserTokenRoutes(app, sim);
}
