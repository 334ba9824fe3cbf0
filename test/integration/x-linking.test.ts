import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/sim/server";
import { startSimulator } from "@/sim/server";
import { unlinkX } from "@/lib/accounts/unlink-x";
import { readReplacedHandle } from "@/lib/brand/replaced-notice";
import { openToken } from "@/lib/x/token-store";
import { AuthBrowser, consentAtX } from "./support/auth-browser";
import { APP_URL, createProduct, createReplyRow, seedShop, signedInUser } from "./support/fixtures";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import {
  meStatus,
  newXUser,
  tokensAtX,
  tokensIssuedDuring,
  type SimToken,
} from "./support/x-grants";

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
  configureAppEnvironment({ databaseUrl: database.url, simUrl: sim.url });
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
    const admin = await signedInUser(database.db, "OWNER");
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
    const admin = await signedInUser(database.db, "OWNER");
    const authorize = await admin.browser.startOAuth("x-brand");
    const response = await admin.browser.callback(
      "x-brand",
      await consentAtX(authorize.url, "alice"),
    );
    // /admin/x will say "@alice replaced @replycart", from a signed query parameter.
    const notice = new URL(response.redirect!, "http://localhost:3000").searchParams;
    expect(notice.get("notice")).toBe("replaced");
    expect(readReplacedHandle(notice.get("replaced") ?? "", process.env.NEXTAUTH_SECRET!)).toBe(
      "replycart",
    );
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
    const stranger = new AuthBrowser(APP_URL);
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

describe("grants we do not keep are revoked at X (RFC 7009)", () => {
  /** Asserts X issued tokens in the flow, and that none of them works any more. */
  async function expectRevokedAtX(issued: SimToken[]) {
    const access = issued.filter((t) => t.kind === "access");
    expect(access).toHaveLength(1);
    expect(issued.filter((t) => t.kind === "refresh")).toHaveLength(1);
    for (const token of access) expect(await meStatus(sim.url, token.token)).toBe(401);
    expect(issued.filter((t) => t.live)).toEqual([]);
  }

  /** The signed-in shopper links @username and comes back to /account. */
  async function linkAs(shopper: Awaited<ReturnType<typeof signedInUser>>, username: string) {
    const authorize = await shopper.browser.startOAuth("twitter");
    const query = await consentAtX(authorize.url, username);
    return tokensIssuedDuring(sim.url, username, () => shopper.browser.callback("twitter", query));
  }

  const storedTokens = async (provider: string, providerAccountId: string) => {
    const row = await database.db.account.findUniqueOrThrow({
      where: { provider_providerAccountId: { provider, providerAccountId } },
    });
    return { access: openToken(row.access_token)!, refresh: openToken(row.refresh_token)! };
  };

  it("revokes the grant when the X account is linked to another shop account", async () => {
    const x = await newXUser(sim.url);
    const owner = await signedInUser(database.db);
    await linkAs(owner, x.username);
    const kept = await storedTokens("twitter", x.id);

    const other = await signedInUser(database.db);
    const { result, issued } = await linkAs(other, x.username);
    expect(result.redirect).toBe("/account?error=XAccountTaken");
    await expectRevokedAtX(issued);
    // The owner's own link is untouched, at X too.
    expect((await accountsOf(x.id)).map((a) => a.userId)).toEqual([owner.user.id]);
    expect(await meStatus(sim.url, kept.access)).toBe(200);
  });

  it("revokes the grant when the shop account already has another X account", async () => {
    const [first, second] = [await newXUser(sim.url), await newXUser(sim.url)];
    const shopper = await signedInUser(database.db);
    await linkAs(shopper, first.username);
    const { result, issued } = await linkAs(shopper, second.username);
    expect(result.redirect).toBe("/account?error=XAlreadyLinked");
    await expectRevokedAtX(issued);
    expect(await accountsOf(second.id)).toHaveLength(0);
    expect(await meStatus(sim.url, (await storedTokens("twitter", first.id)).access)).toBe(200);
  });

  it("revokes the grant of a sign-in with an X account nobody linked", async () => {
    const x = await newXUser(sim.url);
    const stranger = new AuthBrowser(APP_URL);
    const authorize = await stranger.startOAuth("twitter");
    const query = await consentAtX(authorize.url, x.username);
    const { result, issued } = await tokensIssuedDuring(sim.url, x.username, () =>
      stranger.callback("twitter", query),
    );
    expect(result.redirect).toBe("/signin?error=XNotLinked");
    await expectRevokedAtX(issued);
    expect(await accountsOf(x.id)).toHaveLength(0);
  });

  it("revokes the replaced tokens when a sign-in with X stores new ones", async () => {
    const x = await newXUser(sim.url);
    const shopper = await signedInUser(database.db);
    await linkAs(shopper, x.username);
    const old = await storedTokens("twitter", x.id);

    const visitor = new AuthBrowser(APP_URL);
    const authorize = await visitor.startOAuth("twitter");
    const response = await visitor.callback("twitter", await consentAtX(authorize.url, x.username));
    expect(response.redirect).toBe("http://localhost:3000/account");
    const fresh = await storedTokens("twitter", x.id);
    expect(fresh.access).not.toBe(old.access);
    expect(await meStatus(sim.url, fresh.access)).toBe(200);
    expect(await meStatus(sim.url, old.access)).toBe(401);
    const live = (await tokensAtX(sim.url, x.username)).filter((t) => t.live);
    expect(live.map((t) => t.token).sort()).toEqual([fresh.access, fresh.refresh].sort());
  });

  it("revokes the replaced tokens when a shopper links the same X account again", async () => {
    const x = await newXUser(sim.url);
    const shopper = await signedInUser(database.db);
    await linkAs(shopper, x.username);
    const old = await storedTokens("twitter", x.id);
    const { result } = await linkAs(shopper, x.username);
    expect(result.redirect).toBe("http://localhost:3000/account");
    const fresh = await storedTokens("twitter", x.id);
    expect(await meStatus(sim.url, old.access)).toBe(401);
    const live = (await tokensAtX(sim.url, x.username)).filter((t) => t.live);
    expect(live.map((t) => t.token).sort()).toEqual([fresh.access, fresh.refresh].sort());
  });

  it("revokes the grant of a brand connection by a shopper or a signed-out visitor", async () => {
    await database.db.account.deleteMany({ where: { provider: "x-brand" } });
    for (const browser of [(await signedInUser(database.db)).browser, new AuthBrowser(APP_URL)]) {
      const authorize = await browser.startOAuth("x-brand");
      const query = await consentAtX(authorize.url, "replycart");
      const { result, issued } = await tokensIssuedDuring(sim.url, "replycart", () =>
        browser.callback("x-brand", query),
      );
      expect(result.redirect).toBe("/account?error=AccessDenied");
      await expectRevokedAtX(issued);
    }
    expect(await database.db.account.count({ where: { provider: "x-brand" } })).toBe(0);
  });

  it("revokes a brand grant that lacks scopes the bot needs", async () => {
    const admin = await signedInUser(database.db, "OWNER");
    const authorize = await admin.browser.startOAuth("x-brand");
    // The admin unticks "post for you" (tweet.write) at X.
    authorize.url.searchParams.set("scope", "tweet.read users.read offline.access");
    const query = await consentAtX(authorize.url, "replycart");
    const { result, issued } = await tokensIssuedDuring(sim.url, "replycart", () =>
      admin.browser.callback("x-brand", query),
    );
    expect(result.redirect).toBe("/admin/x?error=BrandScopes");
    await expectRevokedAtX(issued);
    expect(await database.db.account.count({ where: { provider: "x-brand" } })).toBe(0);
  });

  it("revokes the replaced tokens when an admin reconnects the same brand account", async () => {
    const admin = await signedInUser(database.db, "OWNER");
    const connect = async () => {
      const authorize = await admin.browser.startOAuth("x-brand");
      return admin.browser.callback("x-brand", await consentAtX(authorize.url, "replycart"));
    };
    await connect();
    const old = await storedTokens("x-brand", BRAND);
    await connect();
    const fresh = await storedTokens("x-brand", BRAND);
    expect(await meStatus(sim.url, fresh.access)).toBe(200);
    expect(await meStatus(sim.url, old.access)).toBe(401);
    const live = (await tokensAtX(sim.url, "replycart")).filter((t) => t.live);
    expect(live.map((t) => t.token).sort()).toEqual([fresh.access, fresh.refresh].sort());
  });
});

describe("the shop's own X account is never a shopper's", () => {
  async function connectBrandAs(username: string) {
    const admin = await signedInUser(database.db, "OWNER");
    const authorize = await admin.browser.startOAuth("x-brand");
    const query = await consentAtX(authorize.url, username);
    return tokensIssuedDuring(sim.url, username, () => admin.browser.callback("x-brand", query));
  }

  it("refuses a shopper linking the brand's X account: XIsBrand, no row, grant revoked", async () => {
    await database.db.account.deleteMany({ where: { provider: "x-brand" } });
    await connectBrandAs("replycart");
    const [brand] = await accountsOf(BRAND);
    const brandToken = openToken(brand!.access_token)!;

    const shopper = await signedInUser(database.db);
    const authorize = await shopper.browser.startOAuth("twitter");
    const query = await consentAtX(authorize.url, "replycart");
    const { result, issued } = await tokensIssuedDuring(sim.url, "replycart", () =>
      shopper.browser.callback("twitter", query),
    );
    expect(result.redirect).toBe("/account?error=XIsBrand");
    expect(await database.db.account.count({ where: { userId: shopper.user.id } })).toBe(0);
    expect((await accountsOf(BRAND)).map((a) => a.provider)).toEqual(["x-brand"]);
    expect(issued.filter((t) => t.kind === "access")).toHaveLength(1);
    for (const token of issued.filter((t) => t.kind === "access"))
      expect(await meStatus(sim.url, token.token)).toBe(401);
    expect(issued.filter((t) => t.live)).toEqual([]);
    // Revoking the refused grant leaves the brand's own grant working.
    expect(await meStatus(sim.url, brandToken)).toBe(200);
  });

  it("refuses connecting as the brand an X account a shopper linked, changing nothing", async () => {
    const x = await newXUser(sim.url);
    const shopper = await signedInUser(database.db);
    const authorize = await shopper.browser.startOAuth("twitter");
    await shopper.browser.callback("twitter", await consentAtX(authorize.url, x.username));
    const [link] = await accountsOf(x.id);
    const brandBefore = await database.db.account.findMany({ where: { provider: "x-brand" } });

    const { result, issued } = await connectBrandAs(x.username);
    expect(result.redirect).toBe("/admin/x?error=BrandIsShopper");
    expect(await database.db.account.findMany({ where: { provider: "x-brand" } })).toEqual(
      brandBefore,
    );
    expect(await accountsOf(x.id)).toEqual([link]);
    expect(issued.filter((t) => t.kind === "access")).toHaveLength(1);
    expect(issued.filter((t) => t.live)).toEqual([]);
    expect(await meStatus(sim.url, openToken(link!.access_token)!)).toBe(200);
  });
});

describe("the note that earlier replies reached the cart", () => {
  // The stores its product belongs to: seeded after the tests above, which run without them.
  beforeAll(() => seedShop(database.db));

  it("is reported by the link that claimed them, with the items that went in, and only then", async () => {
    const product = await createProduct(database.db);
    const xUser = await newXUser(sim.url);
    for (const quantity of [2, 3]) {
      const { tweetId } = await createReplyRow(database.db, {
        authorXId: xUser.id,
        status: "DONE",
        outcome: "NOT_LINKED",
      });
      await database.db.pendingAdd.create({
        data: {
          xUserId: xUser.id,
          productId: product.id,
          quantity,
          sourceTweetId: tweetId,
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
    }
    const { user, browser } = await signedInUser(database.db);
    const link = async () => {
      const authorize = await browser.startOAuth("twitter");
      return browser.callback("twitter", await consentAtX(authorize.url, xUser.username));
    };
    expect((await link()).redirect).toBe(`${APP_URL}/account`);
    expect(browser.claims).toEqual([{ userId: user.id, items: 5 }]);
    expect(await database.db.cartItem.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ productId: product.id, quantity: 5 }),
    ]);

    // Linking the same X account again claims nothing, and reports nothing.
    expect((await link()).redirect).toBe(`${APP_URL}/account`);
    expect(browser.claims).toHaveLength(1);
  });

  it("is not reported when no reply was waiting", async () => {
    const xUser = await newXUser(sim.url);
    const { browser } = await signedInUser(database.db);
    const authorize = await browser.startOAuth("twitter");
    await browser.callback("twitter", await consentAtX(authorize.url, xUser.username));
    expect(await accountsOf(xUser.id)).toHaveLength(1);
    expect(browser.claims).toEqual([]);
  });
});
