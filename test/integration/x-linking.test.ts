import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/sim/server";
import { startSimulator } from "@/sim/server";
import { unlinkX } from "@/lib/accounts/unlink-x";
import { openToken } from "@/lib/x/token-store";
import { AuthBrowser, consentAtX, signedInUser } from "./support/auth-browser";
import { useAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Linking X through next-auth's real OAuth 2.0 handler, against the simulator, on real Postgres
// (RELIABILITY.md, "Account linking").

const ALICE = "1800000000000000002";
const BOB = "1800000000000000003";
const CAROL = "1800000000000000004";
const DAVE = "1800000000000000005";
const BRAND = "1800000000000000001";

let database: TestDatabase;
let sim: RunningSimulator;

beforeAll(async () => {
  [database, sim] = await Promise.all([
    createTestDatabase(),
    startSimulator({ port: 0, snapshotPath: null, fresh: true }),
  ]);
  useAppEnvironment({ databaseUrl: database.url, simUrl: sim.url });
});
afterAll(async () => {
  await sim?.close();
  await database?.drop();
});

const accountsOf = (providerAccountId: string) =>
  database.db.account.findMany({ where: { providerAccountId } });

/** A signed-in shopper who has been to X's consent page and is about to come back. */
async function returningFromX(username: string) {
  const shopper = await signedInUser(database.db);
  const authorize = await shopper.browser.startOAuth("twitter");
  const query = await consentAtX(authorize.url, username);
  return { ...shopper, authorize, query };
}

describe("linking X to a shop account", () => {
  it("links the X user the shopper approved, with PKCE S256 and a state", async () => {
    const { user, authorize, query, browser } = await returningFromX("alice");
    expect(authorize.url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.state.length).toBeGreaterThan(20);

    const response = await browser.callback("twitter", query);
    expect(response.redirect).toBe("http://localhost:3000/account");
    const [account] = await accountsOf(ALICE);
    expect(account).toMatchObject({ userId: user.id, provider: "twitter", username: "alice" });
    await database.db.account.delete({ where: { id: account!.id } });
  });

  it("creates no Account row when the state does not match this browser's", async () => {
    const first = await returningFromX("bob");
    const second = await first.browser.startOAuth("twitter"); // a newer flow in the same browser
    // Swapped: the code of the first flow, the state of another flow.
    const swapped = await first.browser.callback("twitter", {
      ...first.query,
      state: second.state,
    });
    expect(swapped.redirect).toContain("error=OAuthCallback");
    expect(await accountsOf(BOB)).toHaveLength(0);
  });

  it("creates no Account row when the state is missing from the callback", async () => {
    const { browser, query } = await returningFromX("bob");
    const withoutState = { ...query };
    delete withoutState.state;
    const response = await browser.callback("twitter", withoutState);
    expect(response.redirect).toContain("error=OAuthCallback");
    expect(await accountsOf(BOB)).toHaveLength(0);
  });

  it("creates no Account row without this browser's PKCE verifier", async () => {
    const { browser, query } = await returningFromX("bob");
    browser.cookies.delete("next-auth.pkce.code_verifier");
    const response = await browser.callback("twitter", query);
    expect(response.redirect).toContain("error=OAuthCallback");
    expect(await accountsOf(BOB)).toHaveLength(0);
  });

  it("creates no Account row when the callback arrives in another browser session", async () => {
    const victim = await signedInUser(database.db);
    const { query } = await returningFromX("bob"); // an attacker's approved code and state
    const response = await victim.browser.callback("twitter", query);
    expect(response.redirect).toContain("error=OAuthCallback");
    expect(await accountsOf(BOB)).toHaveLength(0);
  });

  it("tells the shopper when they cancel at X, and links nothing", async () => {
    const shopper = await signedInUser(database.db);
    const authorize = await shopper.browser.startOAuth("twitter");
    const query = await consentAtX(authorize.url, "bob", "deny");
    expect(query.error).toBe("access_denied");
    const response = await shopper.browser.callback("twitter", query);
    expect(response.redirect).toMatch(/error=/);
    expect(await accountsOf(BOB)).toHaveLength(0);
  });

  it("stores only ciphertext: the raw row holds neither token, yet they decrypt and work", async () => {
    const { browser, query } = await returningFromX("carol");
    await browser.callback("twitter", query);
    const [raw] = await database.db.$queryRaw<
      { row: string; access_token: string; refresh_token: string }[]
    >`SELECT row_to_json(a)::text AS row, access_token, refresh_token FROM "Account" a
      WHERE "providerAccountId" = ${CAROL}`;
    const access = openToken(raw!.access_token)!;
    const refresh = openToken(raw!.refresh_token)!;
    expect(access.length).toBeGreaterThan(20);
    expect(refresh.length).toBeGreaterThan(20);
    expect(raw!.row).not.toContain(access);
    expect(raw!.row).not.toContain(refresh);
    const me = await fetch(`${sim.url}/2/users/me`, {
      headers: { authorization: `Bearer ${access}` },
    });
    expect(((await me.json()) as { data: { username: string } }).data.username).toBe("carol");
  });

  it("keeps a shop account to one X account, even from a stale tab", async () => {
    const { user, browser, query } = await returningFromX("bob");
    await browser.callback("twitter", query);
    const again = await browser.startOAuth("twitter"); // the link button of an old tab
    const response = await browser.callback("twitter", await consentAtX(again.url, "carol"));
    expect(response.redirect).toBe("/account?error=XAlreadyLinked");
    const links = await database.db.account.findMany({ where: { userId: user.id } });
    expect(links.map((link) => link.providerAccountId)).toEqual([BOB]);
    await database.db.account.deleteMany({ where: { userId: user.id } });
  });

  it("unlinking deletes the row and its tokens, and revokes them at X", async () => {
    const { user, browser, query } = await returningFromX("bob");
    await browser.callback("twitter", query);
    const [linked] = await accountsOf(BOB);
    const access = openToken(linked!.access_token)!;
    const meWith = (token: string) =>
      fetch(`${sim.url}/2/users/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await meWith(access)).status).toBe(200);

    expect(await unlinkX(user.id)).toEqual({ unlinked: true, revokedAtX: true });
    expect(await accountsOf(BOB)).toHaveLength(0);
    expect((await meWith(access)).status).toBe(401);
    expect(await unlinkX(user.id)).toEqual({ unlinked: false, revokedAtX: false });
  });

  it("leaves exactly one row when 50 shop accounts link the same X user at once", async () => {
    const attempts = [];
    for (let i = 0; i < 50; i++) attempts.push(await returningFromX("dave"));
    const responses = await Promise.all(
      attempts.map(({ browser, query }) => browser.callback("twitter", query)),
    );

    const rows = await accountsOf(DAVE);
    expect(rows).toHaveLength(1);
    const winner = attempts.findIndex(({ user }) => user.id === rows[0]!.userId);
    responses.forEach((response, i) => {
      if (i === winner) expect(response.redirect).toBe("http://localhost:3000/account");
      // Everyone else is told the X account is taken.
      else expect(response.redirect).toBe("/account?error=XAccountTaken");
    });
  });
});

describe("connecting the shop's brand account", () => {
  it("stores the brand for an admin, keeping the admin's session and own links", async () => {
    const admin = await signedInUser(database.db, "ADMIN");
    const authorize = await admin.browser.startOAuth("x-brand");
    expect(authorize.url.searchParams.get("scope")).toBe(
      "tweet.read tweet.write users.read offline.access",
    );
    const response = await admin.browser.callback(
      "x-brand",
      await consentAtX(authorize.url, "replycart"),
    );
    expect(response.redirect).toBe("/admin/x?notice=connected");

    const [brand] = await accountsOf(BRAND);
    expect(brand).toMatchObject({
      provider: "x-brand",
      userId: admin.user.id,
      username: "replycart",
    });
    expect(openToken(brand!.access_token)).toBeTruthy();
    const sessions = await database.db.session.findMany({ where: { userId: admin.user.id } });
    expect(sessions.map((s) => s.sessionToken)).toEqual([admin.sessionToken]);
  });

  it("replaces the brand when an admin connects another X account, revoking the old one", async () => {
    const [old] = await accountsOf(BRAND);
    const oldToken = openToken(old!.access_token)!;
    const admin = await signedInUser(database.db, "ADMIN");
    const authorize = await admin.browser.startOAuth("x-brand");
    await admin.browser.callback("x-brand", await consentAtX(authorize.url, "alice"));
    const brands = await database.db.account.findMany({ where: { provider: "x-brand" } });
    expect(brands.map((b) => b.providerAccountId)).toEqual([ALICE]);
    const oldMe = await fetch(`${sim.url}/2/users/me`, {
      headers: { authorization: `Bearer ${oldToken}` },
    });
    expect(oldMe.status).toBe(401);
  });

  it("refuses a shopper who calls the brand callback, storing nothing", async () => {
    await database.db.account.deleteMany({ where: { provider: "x-brand" } });
    const shopper = await signedInUser(database.db);
    const authorize = await shopper.browser.startOAuth("x-brand");
    const response = await shopper.browser.callback(
      "x-brand",
      await consentAtX(authorize.url, "replycart"),
    );
    expect(response.redirect).toContain("error=AccessDenied");
    expect(await database.db.account.count({ where: { provider: "x-brand" } })).toBe(0);
  });

  it("refuses a signed-out visitor too", async () => {
    const stranger = new AuthBrowser();
    const authorize = await stranger.startOAuth("x-brand");
    const response = await stranger.callback(
      "x-brand",
      await consentAtX(authorize.url, "replycart"),
    );
    expect(response.redirect).toContain("error=AccessDenied");
    expect(await database.db.account.count({ where: { provider: "x-brand" } })).toBe(0);
    expect(await database.db.user.count({ where: { email: null } })).toBe(0);
  });
});
