import type { SimState, StoredApp, SimUser } from "../state/types";

export type AuthInfo =
  | { kind: "user"; user: SimUser; app: StoredApp; scopes: string[]; token: string }
  | { kind: "app"; app: StoredApp; token: string };

/** Resolves `Authorization: Bearer ...` to a live user token or an app-only token. */
export function authenticate(
  state: SimState,
  header: string | undefined,
  now: number,
): AuthInfo | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const token = match[1];
  const userToken = state.userTokens.find((t) => t.token === token);
  if (userToken) {
    if (userToken.revoked || userToken.expiresAt <= now) return null;
    const user = state.users.find((u) => u.id === userToken.userId);
    const app = state.apps.find((a) => a.clientId === userToken.clientId);
    if (!user || !app) return null;
    return { kind: "user", user, app, scopes: userToken.scopes, token };
  }
  const appToken = state.appTokens.find((t) => t.token === token);
  const app = appToken && state.apps.find((a) => a.clientId === appToken.clientId);
  return app ? { kind: "app", app, token } : null;
}
