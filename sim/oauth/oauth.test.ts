import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_APP } from "../state/seed";
import {
  consent,
  CONFIDENTIAL,
  REDIRECT,
  basicAuth,
  tokenRequest,
} from "../test-support/oauth-flow";
import { startTestSim, type TestSim } from "../test-support/test-sim";

const PUBLIC_APP = {
  name: "public client",
  clientId: "public-client",
  consumerKey: "public-consumer",
  consumerSecret: "public-consumer-secret",
  redirectUris: ["http://localhost:3000/cb"],
};

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ apps: [DEFAULT_APP, PUBLIC_APP], codeTtlMs: 300 });
});
afterAll(() => t.close());

function exchange(code: string, verifier: string, extra: Record<string, string> = {}) {
  return tokenRequest(
    t.url,
    {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: DEFAULT_APP.clientId,
      ...extra,
    },
    { auth: CONFIDENTIAL },
  );
}

describe("OAuth 2.0 authorize (consent page)", () => {
  it("shows the app, the demo accounts and the requested scopes", async () => {
    const flow = await consent(t.url);
    expect(flow.pageStatus).toBe(200);
    expect(flow.html).toContain(DEFAULT_APP.name);
    expect(flow.html).toContain("@alice");
    expect(flow.html).toContain("offline.access");
  });

  it("redirects with state and code on approval, error=access_denied on denial", async () => {
    const ok = await consent(t.url);
    expect(ok.status).toBe(302);
    expect(ok.location.origin + ok.location.pathname).toBe(REDIRECT);
    expect(ok.location.searchParams.get("state")).toBe("state-123");
    expect(ok.code).not.toBe("");
    const denied = await consent(t.url, {}, "deny");
    expect(denied.location.searchParams.get("error")).toBe("access_denied");
    expect(denied.location.searchParams.get("state")).toBe("state-123");
    expect(denied.location.searchParams.has("code")).toBe(false);
  });

  it("refuses a redirect_uri that is not an exact match, on X's own page", async () => {
    const res = await fetch(
      `${t.url}/i/oauth2/authorize?response_type=code&client_id=${DEFAULT_APP.clientId}&redirect_uri=${encodeURIComponent(REDIRECT + "/")}&scope=tweet.read&state=s&code_challenge=abc&code_challenge_method=S256`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("redirect_uri");
  });

  it("pre-selects no account: the user must pick one before Authorize grants anything", async () => {
    const { html } = await consent(t.url);
    const radios = html.match(/<input type="radio"[^>]*>/g) ?? [];
    expect(radios.length).toBeGreaterThan(4); // the seeded accounts and "New demo account"
    for (const radio of radios) {
      expect(radio).not.toMatch(/\bchecked\b/);
      expect(radio).toMatch(/\brequired\b/); // the browser asks before submitting
    }
    // Cancel must still work with nothing picked.
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*formnovalidate/);

    // Submitted anyway (a browser sends no unchecked radio): X's page asks again, no code.
    const noPick = await fetch(`${t.url}/i/oauth2/authorize`, {
      method: "POST",
      body: new URLSearchParams({
        response_type: "code",
        client_id: DEFAULT_APP.clientId,
        redirect_uri: REDIRECT,
        scope: "tweet.read users.read",
        state: "s",
        code_challenge: "verifier-verifier-verifier-verifier-verifier",
        code_challenge_method: "plain",
        decision: "approve",
      }),
      redirect: "manual",
    });
    expect(noPick.status).toBe(400);
    expect(noPick.headers.get("location")).toBeNull();
    expect(await noPick.text()).toContain("Pick the account to authorize");
  });

  it("can create a new demo user from the consent page", async () => {
    const query = new URLSearchParams({
      response_type: "code",
      client_id: DEFAULT_APP.clientId,
      redirect_uri: REDIRECT,
      scope: "users.read",
      state: "s",
      code_challenge: "verifier-verifier-verifier-verifier-verifier",
      code_challenge_method: "plain",
      decision: "approve",
      username: "__new__",
      new_username: "erin",
      new_name: "Erin",
    });
    const res = await fetch(`${t.url}/i/oauth2/authorize`, {
      method: "POST",
      body: query,
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    const users = (await t.call("GET", "/_sim/users")).body.users as Array<{ username: string }>;
    expect(users.map((u) => u.username)).toContain("erin");
  });
});

describe("POST /2/oauth2/token", () => {
  it("exchanges a code for a 2-hour bearer token and a refresh token (offline.access)", async () => {
    const flow = await consent(t.url);
    const res = await exchange(flow.code, flow.verifier);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: "bearer",
      expires_in: 7200,
      scope: "tweet.read users.read offline.access",
    });
    expect(res.body.access_token).toBeTruthy();
    expect(res.body.refresh_token).toBeTruthy();
    const me = await t.call("GET", "/2/users/me", { token: res.body.access_token });
    expect(me.body.data.username).toBe("alice");
  });

  it("issues no refresh token without offline.access", async () => {
    const flow = await consent(t.url, { scope: "tweet.read users.read" });
    const res = await exchange(flow.code, flow.verifier);
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toBeUndefined();
  });

  it("accepts code_challenge_method s256 in any case, and plain", async () => {
    for (const method of ["s256", "S256", "plain"]) {
      const flow = await consent(t.url, { method });
      expect((await exchange(flow.code, flow.verifier)).status).toBe(200);
    }
  });

  it("rejects a wrong PKCE verifier with X's error body", async () => {
    const flow = await consent(t.url);
    const res = await exchange(flow.code, `${flow.verifier}x`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: "invalid_request",
      error_description: "Value passed for the code verifier did not match the code challenge.",
    });
  });

  it("makes codes single use", async () => {
    const flow = await consent(t.url);
    expect((await exchange(flow.code, flow.verifier)).status).toBe(200);
    const again = await exchange(flow.code, flow.verifier);
    expect(again.status).toBe(400);
    expect(again.body.error_description).toBe(
      "Value passed for the authorization code was invalid.",
    );
  });

  it("expires codes after their lifetime (X: 30 s; 300 ms here)", async () => {
    const flow = await consent(t.url);
    await new Promise((r) => setTimeout(r, 400));
    const res = await exchange(flow.code, flow.verifier);
    expect(res.status).toBe(400);
    expect(res.body.error_description).toBe("Value passed for the authorization code was invalid.");
  });

  it("rejects a redirect_uri different from the authorization request's", async () => {
    const flow = await consent(t.url);
    const res = await exchange(flow.code, flow.verifier, {
      redirect_uri: "http://localhost:3000/api/auth/callback/x-brand",
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
  });

  it("needs the confidential client's secret (401 unauthorized_client), and binds codes to clients", async () => {
    const flow = await consent(t.url);
    const body = {
      grant_type: "authorization_code",
      code: flow.code,
      redirect_uri: REDIRECT,
      code_verifier: flow.verifier,
      client_id: DEFAULT_APP.clientId,
    };
    const noAuth = await tokenRequest(t.url, body);
    expect(noAuth.status).toBe(401);
    expect(noAuth.body).toEqual({
      error: "unauthorized_client",
      error_description: "Missing valid authorization header",
    });
    const wrong = await tokenRequest(t.url, body, {
      auth: basicAuth(DEFAULT_APP.clientId, "nope"),
    });
    expect(wrong.status).toBe(401);
    const otherClient = await tokenRequest(t.url, { ...body, client_id: PUBLIC_APP.clientId });
    expect(otherClient.status).toBe(400);
  });

  it("lets a public client exchange with client_id alone, with a JSON body", async () => {
    const flow = await consent(t.url, {
      clientId: PUBLIC_APP.clientId,
      redirectUri: PUBLIC_APP.redirectUris[0],
    });
    const res = await tokenRequest(
      t.url,
      {
        grant_type: "authorization_code",
        code: flow.code,
        redirect_uri: PUBLIC_APP.redirectUris[0]!,
        code_verifier: flow.verifier,
        client_id: PUBLIC_APP.clientId,
      },
      { json: true },
    );
    expect(res.status).toBe(200);
  });

  it("rotates refresh tokens: each is single use and yields a new pair", async () => {
    const flow = await consent(t.url);
    const first = (await exchange(flow.code, flow.verifier)).body;
    const refresh = (token: string) =>
      tokenRequest(
        t.url,
        { grant_type: "refresh_token", refresh_token: token, client_id: DEFAULT_APP.clientId },
        { auth: CONFIDENTIAL },
      );
    const second = await refresh(first.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({
      error: "invalid_request",
      error_description: "Value passed for the token was invalid.",
    });
    expect((await refresh(second.body.refresh_token!)).status).toBe(200);
  });

  it("answers 503 or 429 with the tokenStatus fault, spending no refresh token", async () => {
    const flow = await consent(t.url);
    const first = (await exchange(flow.code, flow.verifier)).body;
    const refresh = () =>
      tokenRequest(
        t.url,
        {
          grant_type: "refresh_token",
          refresh_token: first.refresh_token!,
          client_id: DEFAULT_APP.clientId,
        },
        { auth: CONFIDENTIAL },
      );
    try {
      await t.call("POST", "/_sim/faults", { json: { tokenStatus: 503 } });
      expect((await refresh()).status).toBe(503);
      await t.call("POST", "/_sim/faults", { json: { tokenStatus: 429 } });
      expect((await refresh()).status).toBe(429);
    } finally {
      await t.call("POST", "/_sim/faults", { json: { tokenStatus: null } });
    }
    expect((await refresh()).status).toBe(200);
  });

  it("lists a user's tokens for tests, telling live ones from revoked ones", async () => {
    const flow = await consent(t.url, {}, "approve", "bob");
    const { body } = await exchange(flow.code, flow.verifier);
    const listed = async () =>
      (await t.call("GET", "/_sim/users/bob/tokens")).body.tokens as Array<{
        kind: string;
        token: string;
        live: boolean;
      }>;
    expect(await listed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "access", token: body.access_token, live: true }),
        expect.objectContaining({ kind: "refresh", token: body.refresh_token, live: true }),
      ]),
    );
    const revoke = await fetch(`${t.url}/2/oauth2/revoke`, {
      method: "POST",
      headers: { authorization: CONFIDENTIAL, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: body.access_token! }),
    });
    expect(revoke.status).toBe(200);
    const after = await listed();
    expect(after.find((x) => x.token === body.access_token)?.live).toBe(false);
    expect(after.find((x) => x.token === body.refresh_token)?.live).toBe(true);
    expect((await t.call("GET", "/_sim/users/nobody_here/tokens")).status).toBe(404);
  });

  it("revokes tokens with POST /2/oauth2/revoke", async () => {
    const flow = await consent(t.url);
    const tokens = (await exchange(flow.code, flow.verifier)).body;
    const res = await fetch(`${t.url}/2/oauth2/revoke`, {
      method: "POST",
      headers: { authorization: CONFIDENTIAL, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.access_token!, token_type_hint: "access_token" }),
    });
    expect(await res.json()).toEqual({ revoked: true });
    expect((await t.call("GET", "/2/users/me", { token: tokens.access_token })).status).toBe(401);
  });
});

describe("access token lifetime", () => {
  it("answers 401 once the access token has expired", async () => {
    const short = await startTestSim({ accessTokenTtlMs: 200 });
    try {
      const token = await short.userToken("alice");
      expect((await short.call("GET", "/2/users/me", { token })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      const res = await short.call("GET", "/2/users/me", { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        title: "Unauthorized",
        detail: "Unauthorized",
        type: "about:blank",
        status: 401,
      });
    } finally {
      await short.close();
    }
  });
});

describe("POST /oauth2/token (app-only bearer)", () => {
  it("issues a stable bearer token for the consumer key and secret", async () => {
    const a = await t.appToken();
    const b = await t.appToken();
    expect(a).toMatch(/^AAAA/);
    expect(a).toBe(b);
  });

  it("refuses wrong consumer credentials with X's v1.1 error", async () => {
    const res = await fetch(`${t.url}/oauth2/token`, {
      method: "POST",
      headers: {
        authorization: basicAuth(DEFAULT_APP.consumerKey, "wrong"),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(99);
  });
});
