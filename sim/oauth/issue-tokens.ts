import type { SimContext } from "../context";
import { randomToken } from "../crypto";
import type { StoredApp, SimUser } from "../state/types";

export interface TokenAnswer {
  token_type: "bearer";
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
}

/** Issues an access token (and a refresh token only when offline.access was granted). */
export function issueUserTokens(
  sim: SimContext,
  app: StoredApp,
  user: SimUser,
  scopes: string[],
): TokenAnswer {
  const state = sim.store.state;
  const ttl = sim.options.accessTokenTtlMs;
  // Forget tokens that can no longer be used, so the snapshot does not grow without end.
  state.userTokens = state.userTokens.filter((t) => !t.revoked && t.expiresAt > sim.now());
  state.refreshTokens = state.refreshTokens.filter((r) => !r.used);
  const access = randomToken(40);
  state.userTokens.push({
    token: access,
    clientId: app.clientId,
    userId: user.id,
    scopes,
    expiresAt: sim.now() + ttl,
    revoked: false,
  });
  const answer: TokenAnswer = {
    token_type: "bearer",
    expires_in: Math.round(ttl / 1000),
    access_token: access,
    scope: scopes.join(" "),
  };
  if (scopes.includes("offline.access")) {
    const refresh = randomToken(40);
    state.refreshTokens.push({
      token: refresh,
      clientId: app.clientId,
      userId: user.id,
      scopes,
      used: false,
    });
    answer.refresh_token = refresh;
  }
  sim.store.changed();
  return answer;
}

/** The stable app-only bearer token of an app (X hands out the same one until invalidated). */
export function appBearer(sim: SimContext, app: StoredApp): string {
  const state = sim.store.state;
  let token = state.appTokens.find((t) => t.clientId === app.clientId);
  if (!token) {
    token = { token: `AAAAAAAAAAAAAAAAAAAAA${randomToken(36)}`, clientId: app.clientId };
    state.appTokens.push(token);
    sim.store.changed();
  }
  return token.token;
}

/** Ends every token a user gave an app, as "revoke access" in X's settings does. */
export function revokeUserGrant(sim: SimContext, app: StoredApp, user: SimUser): number {
  const state = sim.store.state;
  let count = 0;
  for (const t of state.userTokens) {
    if (t.clientId === app.clientId && t.userId === user.id && !t.revoked) {
      t.revoked = true;
      count += 1;
    }
  }
  for (const r of state.refreshTokens) {
    if (r.clientId === app.clientId && r.userId === user.id) r.used = true;
  }
  sim.store.changed();
  return count;
}
