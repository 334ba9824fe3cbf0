import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/database/db";
import { createSimulator } from "@/sim/server";
import { accessTokenFor, withXAccount, XTokenError } from "@/lib/x/account-tokens";
import { keepRotatedTokens } from "@/lib/x/keep-rotated-tokens";
import { openToken, sealToken } from "@/lib/x/token-store";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Expired tokens against the simulator, on real Postgres. The simulator's clock can jump ahead,
// so X itself considers a token expired, and calls to its token endpoint are counted.

const HOUR = 3_600_000;
let database: TestDatabase;
let server: ReturnType<typeof createAdaptorServer>;
let simUrl: string;
let clockOffset = 0;
let refreshGrants = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const { app } = createSimulator({
    port: 0,
    snapshotPath: null,
    fresh: true,
    now: () => Date.now() + clockOffset,
  });
  server = createAdaptorServer({
    fetch: async (request: Request) => {
      // Grants here come from /_sim/tokens, so every token-endpoint call is a refresh.
      if (request.method === "POST" && new URL(request.url).pathname === "/2/oauth2/token")
        refreshGrants += 1;
      return app.fetch(request);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  simUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  configureAppEnvironment({ databaseUrl: database.url, simUrl });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});
beforeEach(() => {
  clockOffset = 0;
  refreshGrants = 0;
});

const tokenFault = (tokenStatus: 429 | 503 | null) =>
  fetch(`${simUrl}/_sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tokenStatus }),
  });

/** Alice's tokens as X holds them, live or not. */
async function aliceTokensAtX() {
  const response = await fetch(`${simUrl}/_sim/users/alice/tokens`);
  return ((await response.json()) as { tokens: { token: string; live: boolean }[] }).tokens;
}

/** Alice's account, linked now with a real simulator grant that X will see as expired. */
async function aliceWithExpiredToken() {
  const response = await fetch(`${simUrl}/_sim/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      username: "alice",
      scopes: ["tweet.read", "users.read", "offline.access"],
    }),
  });
  const grant = (await response.json()) as { access_token: string; refresh_token: string };
  const user = await database.db.user.create({ data: {} });
  const account = await database.db.account.create({
    data: {
      userId: user.id,
      type: "oauth",
      provider: "twitter",
      providerAccountId: `alice-${user.id}`,
      access_token: sealToken(grant.access_token),
      refresh_token: sealToken(grant.refresh_token),
      expires_at: Math.floor(Date.now() / 1000) - 60,
    },
  });
  clockOffset = 3 * HOUR; // X's 2-hour tokens are dead at X too
  return { account, grant };
}

describe("refreshing an expired X token", () => {
  it("refreshes once for 20 parallel calls from four processes, and every call succeeds", async () => {
    const { account, grant } = await aliceWithExpiredToken();
    const stale = await fetch(`${simUrl}/2/users/me`, {
      headers: { authorization: `Bearer ${grant.access_token}` },
    });
    expect(stale.status).toBe(401);

    // Four app processes (each with its own Prisma client and pool), five calls each.
    const processes = Array.from({ length: 4 }, () => createPrismaClient(database.url));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withXAccount(account.id, (client) => client.v2.me(), { db: processes[i % 4] }),
      ),
    ).finally(() => Promise.all(processes.map((client) => client.$disconnect())));

    expect(results.map((r) => r.data.username)).toEqual(Array(20).fill("alice"));
    expect(refreshGrants).toBe(1);
    const row = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(openToken(row.access_token)).not.toBe(grant.access_token);
    expect(openToken(row.refresh_token)).not.toBe(grant.refresh_token);
    expect(row.expires_at! * 1000).toBeGreaterThan(Date.now() + HOUR);
    expect(row.tokenRefreshedAt).toBeInstanceOf(Date);
    expect(row.tokenError).toBeNull();
  });

  it("uses a fresh token without asking X", async () => {
    const { account } = await aliceWithExpiredToken();
    const first = await accessTokenFor(account.id, { db: database.db });
    const again = await accessTokenFor(account.id, { db: database.db });
    expect(again).toBe(first);
    expect(refreshGrants).toBe(1);
  });

  it("records the failure and tells the caller when X refuses the refresh token", async () => {
    const { account, grant } = await aliceWithExpiredToken();
    await fetch(`${simUrl}/_sim/users/alice/revoke`, { method: "POST" });

    const attempt = accessTokenFor(account.id, { db: database.db });
    await expect(attempt).rejects.toBeInstanceOf(XTokenError);
    await expect(attempt).rejects.toThrow(/reconnect/);
    const row = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.tokenError).toMatch(/refused the refresh token/);
    expect(openToken(row.refresh_token)).toBe(grant.refresh_token);
  });

  it("does not ask for a reconnect when X's token endpoint answers 503 or 429, and refreshes once it is back", async () => {
    const { account, grant } = await aliceWithExpiredToken();
    for (const status of [503, 429] as const) {
      await tokenFault(status);
      try {
        const attempt = accessTokenFor(account.id, { db: database.db });
        await expect(attempt).rejects.toBeInstanceOf(XTokenError);
        await expect(attempt).rejects.toThrow(new RegExp(`X answered ${status}`));
        await expect(attempt).rejects.not.toThrow(/reconnect/);
      } finally {
        await tokenFault(null);
      }
      const row = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
      expect(row.tokenError).toBeNull();
      expect(openToken(row.refresh_token)).toBe(grant.refresh_token);
    }

    const me = await withXAccount(account.id, (client) => client.v2.me(), { db: database.db });
    expect(me.data.username).toBe("alice");
    const row = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.tokenError).toBeNull();
    expect(openToken(row.refresh_token)).not.toBe(grant.refresh_token);
  });

  it("keeps X's new tokens when the refresh's commit fails after X rotated them", async () => {
    const { account, grant } = await aliceWithExpiredToken();
    // Deferred, so the failure comes at COMMIT, after X has spent the old refresh token.
    await database.db.$executeRawUnsafe(`CREATE SEQUENCE refresh_commit_failures`);
    await database.db.$executeRawUnsafe(`
      CREATE FUNCTION fail_first_refresh_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('refresh_commit_failures') = 1 THEN
          RAISE EXCEPTION 'the refresh commit fails once (test)';
        END IF;
        RETURN NULL;
      END $$`);
    await database.db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER fail_first_refresh_commit AFTER UPDATE OF refresh_token
      ON "Account" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION fail_first_refresh_commit()`);
    let first: PromiseSettledResult<string>;
    try {
      [first] = await Promise.allSettled([accessTokenFor(account.id, { db: database.db })]);
    } finally {
      await database.db.$executeRawUnsafe(
        `DROP TRIGGER fail_first_refresh_commit ON "Account";
         DROP FUNCTION fail_first_refresh_commit; DROP SEQUENCE refresh_commit_failures`,
      );
    }
    expect(refreshGrants).toBe(1);

    // The row holds the pair X handed out, and that refresh token is live at X.
    const row = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    const stored = openToken(row.refresh_token);
    expect(stored).not.toBe(grant.refresh_token);
    expect((await aliceTokensAtX()).find((t) => t.token === stored)?.live).toBe(true);
    expect(first).toMatchObject({ status: "fulfilled", value: openToken(row.access_token) });

    // The next refresh spends the stored token: no reconnect needed.
    const staleToken = openToken(row.access_token)!;
    const again = await accessTokenFor(account.id, { db: database.db, staleToken });
    expect(again).not.toBe(staleToken);
    const after = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.tokenError).toBeNull();
    expect(refreshGrants).toBe(2);
  });

  it("keeps a failed commit's tokens only over the token X spent, never over a reconnect", async () => {
    const { account } = await aliceWithExpiredToken();
    const rotated = (refreshToken: string) => ({
      spent: sealToken("spent-before-the-reconnect")!,
      accessToken: "orphaned-access",
      refreshToken,
      columns: {
        access_token: sealToken("orphaned-access"),
        refresh_token: sealToken(refreshToken),
      },
    });
    const before = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(await keepRotatedTokens(database.db, account.id, rotated("orphaned-refresh"))).toBe(
      false,
    );
    const after = await database.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.refresh_token).toBe(before.refresh_token);
    // The row already holds them: the failed commit had gone through.
    const stored = openToken(before.refresh_token)!;
    expect(await keepRotatedTokens(database.db, account.id, rotated(stored))).toBe(true);
  });

  it("refreshes early when X rejects a token it should still accept", async () => {
    const { account, grant } = await aliceWithExpiredToken();
    clockOffset = 0;
    await database.db.account.update({
      where: { id: account.id },
      data: { expires_at: Math.floor(Date.now() / 1000) + 3600 },
    });
    // X ends the access token early (as when it rotates credentials); the refresh token lives.
    await fetch(`${simUrl}/2/oauth2/revoke`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from("replycart-local:replycart-local-secret").toString("base64")}`,
      },
      body: new URLSearchParams({ token: grant.access_token, token_type_hint: "access_token" }),
    });

    const me = await withXAccount(account.id, (client) => client.v2.me(), { db: database.db });
    expect(me.data.username).toBe("alice");
    expect(refreshGrants).toBe(1);
  });
});
