import type { Context, Hono } from "hono";
import type { SimContext } from "../context";
import { findUserByName } from "../posts/render-user";

export interface ListedToken {
  kind: "access" | "refresh";
  token: string;
  clientId: string;
  scopes: string[];
  /** Still usable: what X's "Connected apps" page counts. */
  live: boolean;
}

/**
 * Every token the simulator still remembers for a user, revoked or not. Revoked and spent
 * tokens are forgotten at the next issuance, so a test reads this right after the flow it checks.
 */
export function listUserTokens(sim: SimContext, userId: string): ListedToken[] {
  const { userTokens, refreshTokens } = sim.store.state;
  const now = sim.now();
  return [
    ...userTokens
      .filter((t) => t.userId === userId)
      .map((t) => ({
        kind: "access" as const,
        token: t.token,
        clientId: t.clientId,
        scopes: t.scopes,
        live: !t.revoked && t.expiresAt > now,
      })),
    ...refreshTokens
      .filter((r) => r.userId === userId)
      .map((r) => ({
        kind: "refresh" as const,
        token: r.token,
        clientId: r.clientId,
        scopes: r.scopes,
        live: !r.used,
      })),
  ];
}

// GET /_sim/users/:username/tokens - test helper (not an X path): the user's tokens and grants
function userTokens(c: Context, sim: SimContext) {
  const username = c.req.param("username") ?? "";
  const user = findUserByName(sim.store.state, username);
  if (!user) return c.json({ error: `No user @${username}` }, 404);
  return c.json({ tokens: listUserTokens(sim, user.id) });
}

export function mountUserTokenRoutes(app: Hono, sim: SimContext): void {
  app.get("/_sim/users/:username/tokens", (c) => userTokens(c, sim));
}
