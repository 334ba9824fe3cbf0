import { randomBytes } from "node:crypto";

// What X itself knows about a user's grants, read from the simulator: the honest check that a
// grant we refused or replaced is dead at X, not merely absent from our database.

export type SimToken = {
  kind: "access" | "refresh";
  token: string;
  clientId: string;
  live: boolean;
};

/** Every token the simulator remembers for @username (GET /_sim/users/:username/tokens). */
export async function tokensAtX(simUrl: string, username: string): Promise<SimToken[]> {
  const response = await fetch(`${simUrl}/_sim/users/${username}/tokens`);
  if (!response.ok) throw new Error(`tokens of @${username}: ${response.status}`);
  return ((await response.json()) as { tokens: SimToken[] }).tokens;
}

/** Runs `flow` and returns its result with the tokens X issued to @username meanwhile. */
export async function tokensIssuedDuring<T>(simUrl: string, username: string, flow: () => T) {
  const before = new Set((await tokensAtX(simUrl, username)).map((t) => t.token));
  const result = await flow();
  const issued = (await tokensAtX(simUrl, username)).filter((t) => !before.has(t.token));
  return { result, issued };
}

/** The status X's /2/users/me answers with this access token: 200 alive, 401 revoked. */
export async function meStatus(simUrl: string, accessToken: string): Promise<number> {
  const response = await fetch(`${simUrl}/2/users/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await response.body?.cancel();
  return response.status;
}

/** A fresh demo user at the simulator, so a test does not depend on who others linked. */
export async function newXUser(simUrl: string): Promise<{ id: string; username: string }> {
  const username = `t_${randomBytes(5).toString("hex")}`;
  const response = await fetch(`${simUrl}/_sim/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username }),
  });
  if (!response.ok) throw new Error(`creating @${username}: ${response.status}`);
  return ((await response.json()) as { user: { id: string; username: string } }).user;
}
