import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDevEmails } from "@/lib/auth/dev-mailbox";
import { guardEmailSignIn } from "@/lib/auth/guard-email-sign-in";
import { purgeExpiredSignIns } from "@/lib/auth/purge-expired-sign-ins";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/sign-in-link";
import { configureAppEnvironment } from "./support/app-environment";
import { AuthBrowser } from "./support/auth-browser";
import { APP_URL } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The same two steps /api/auth/signin/email takes: our guard, then next-auth's real email
// provider (which writes the dev mailbox in demo mode), on real Postgres.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
});
afterAll(() => database.drop());

const address = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.com`;
const ip = () =>
  `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomBytes(3).toString("hex")}`;

/** Asks for a sign-in link as a browser would; returns the guard's verdict. */
async function requestLink(email: unknown, clientIp = ip()) {
  const verdict = await guardEmailSignIn({ email, clientIp, csrfVerified: true });
  if (verdict.ok) {
    const browser = new AuthBrowser(APP_URL);
    const csrf = await browser.call({ method: "GET", action: "csrf" });
    const { csrfToken } = csrf.body as { csrfToken: string };
    const response = await browser.call({
      method: "POST",
      action: "signin",
      providerId: "email",
      body: { email: verdict.email, csrfToken },
    });
    expect(response.redirect).toMatch(/verify-request/);
  }
  return verdict;
}

const emailsTo = (to: string) => database.db.devEmail.count({ where: { to } });

describe("sign-in email limits", () => {
  it("sends at most 5 links to one address, whatever the client, and says when to retry", async () => {
    const to = address("bombed");
    const verdicts = [];
    for (let i = 0; i < 30; i += 1) verdicts.push(await requestLink(to));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(5);
    expect(await emailsTo(to)).toBe(5);
    const refused = verdicts.filter((verdict) => !verdict.ok);
    expect(refused).toHaveLength(25);
    for (const verdict of refused) {
      expect(verdict).toMatchObject({ status: 429, code: "EmailRateLimited" });
      const retry = (verdict as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(retry).toBeGreaterThan(3000);
      expect(retry).toBeLessThanOrEqual(3600);
    }
  });

  it("counts an address however it is capitalised", async () => {
    const to = address("cased");
    for (let i = 0; i < 5; i += 1) await requestLink(to);
    expect(await requestLink(to.toUpperCase())).toMatchObject({ ok: false, status: 429 });
  });

  it("counts 20 parallel requests for one address exactly", async () => {
    const to = address("parallel");
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, () =>
        guardEmailSignIn({ email: to, clientIp: ip(), csrfVerified: true }),
      ),
    );
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(5);
  });

  it("sends at most 30 links from one client IP, across addresses", async () => {
    const client = ip();
    const verdicts = [];
    for (let i = 0; i < 32; i += 1)
      verdicts.push(
        await guardEmailSignIn({ email: address(`ip${i}`), clientIp: client, csrfVerified: true }),
      );
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(30);
    expect(verdicts.slice(30)).toEqual([
      expect.objectContaining({ ok: false, code: "EmailRateLimited" }),
      expect.objectContaining({ ok: false, code: "EmailRateLimited" }),
    ]);
    // Another client is not held back by this one.
    expect(
      await guardEmailSignIn({ email: address("other"), clientIp: ip(), csrfVerified: true }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("spends no allowance on a request that failed the CSRF check", async () => {
    const to = address("forged");
    for (let i = 0; i < 10; i += 1) {
      const verdict = await guardEmailSignIn({ email: to, clientIp: ip(), csrfVerified: false });
      expect(verdict).toMatchObject({ ok: false, status: 403, code: "CsrfFailed" });
    }
    for (let i = 0; i < 5; i += 1) expect(await requestLink(to)).toMatchObject({ ok: true });
  });

  it("lets a client over its limit spend no address's allowance", async () => {
    const sender = ip();
    for (let i = 0; i < 30; i += 1)
      await guardEmailSignIn({ email: address(`noise${i}`), clientIp: sender, csrfVerified: true });
    const victim = address("victim");
    for (let i = 0; i < 10; i += 1)
      expect(await requestLink(victim, sender)).toMatchObject({ ok: false, status: 429 });
    for (let i = 0; i < 5; i += 1) expect(await requestLink(victim)).toMatchObject({ ok: true });
  });

  it("counts +tagged addresses of one inbox together", async () => {
    const [local, domain] = address("tagged").split("@");
    for (let i = 1; i <= 5; i += 1) await requestLink(`${local}+${i}@${domain}`);
    expect(await requestLink(`${local}+6@${domain}`)).toMatchObject({ ok: false, status: 429 });
  });

  it("refuses addresses over 254 characters and malformed ones, changing nothing", async () => {
    const before = await database.db.rateLimit.count();
    const tokensBefore = await database.db.verificationToken.count();
    const long = `${"a".repeat(64)}@${"b".repeat(186)}.com`; // 255 characters
    for (const email of [long, `${"x".repeat(100_000)}@example.com`, "nobody", "", 42, undefined]) {
      const verdict = await requestLink(email);
      expect(verdict).toMatchObject({ ok: false, status: 400, code: "InvalidEmail" });
    }
    expect(await database.db.rateLimit.count()).toBe(before);
    expect(await database.db.verificationToken.count()).toBe(tokensBefore);
    const longest = `${"a".repeat(63)}@${"b".repeat(186)}.com`; // 254 characters
    expect(await requestLink(longest)).toMatchObject({ ok: true });
  });
});

describe("link life", () => {
  it("issues links for 20 minutes; the captured email expires with its link", async () => {
    const to = address("life");
    const asked = Date.now();
    await requestLink(to);
    const token = await database.db.verificationToken.findFirstOrThrow({
      where: { identifier: to },
    });
    const email = await database.db.devEmail.findFirstOrThrow({ where: { to } });
    const life = token.expires.getTime() - asked;
    expect(life).toBeGreaterThan((SIGN_IN_LINK_MAX_AGE_SECONDS - 60) * 1000);
    expect(life).toBeLessThanOrEqual((SIGN_IN_LINK_MAX_AGE_SECONDS + 60) * 1000);
    expect(email.expiresAt.getTime()).toBe(token.expires.getTime());
    expect(email.text).toContain("expires in 20 minutes");
    // No label: the mailbox names it "Sign in as <address>", the link the e2e tests click.
    expect(email.linkLabel).toBeNull();

    const later = new Date(token.expires.getTime() + 1000);
    expect((await listDevEmails()).map((entry) => entry.to)).toContain(to);
    expect((await listDevEmails(later)).map((entry) => entry.to)).not.toContain(to);
  });

  it("hides a sign-in email from the mailbox once its link was used", async () => {
    const used = address("used");
    const unused = address("unused");
    await requestLink(used);
    await requestLink(unused);
    const listed = async () => (await listDevEmails()).map((entry) => entry.to);
    expect(await listed()).toEqual(expect.arrayContaining([used, unused]));

    // The link, clicked: next-auth's real callback signs in and deletes the token.
    const email = await database.db.devEmail.findFirstOrThrow({ where: { to: used } });
    const link = new URL(email.url);
    const signedIn = await new AuthBrowser(APP_URL).call({
      method: "GET",
      action: "callback",
      providerId: "email",
      query: Object.fromEntries(link.searchParams),
    });
    expect(signedIn.redirect).not.toMatch(/error/);
    expect(await database.db.verificationToken.count({ where: { identifier: used } })).toBe(0);

    expect(await listed()).not.toContain(used);
    expect(await listed()).toContain(unused);
    // The row stays until it expires (the purge takes it then); only the page hides it.
    expect(await emailsTo(used)).toBe(1);
  });

  it("keeps listing emails that are not sign-in links until they expire", async () => {
    const to = address("order");
    await database.db.devEmail.create({
      data: {
        to,
        subject: "Your order",
        text: "Thanks",
        url: `${APP_URL}/orders/1`,
        linkLabel: "See your order",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    expect((await listDevEmails()).map((entry) => entry.to)).toContain(to);
  });

  it("deletes expired links and their captured emails, and keeps live ones", async () => {
    const stale = address("stale");
    const fresh = address("fresh");
    await requestLink(stale);
    await requestLink(fresh);
    const past = new Date(Date.now() - 1000);
    await database.db.verificationToken.updateMany({
      where: { identifier: stale },
      data: { expires: past },
    });
    await database.db.devEmail.updateMany({ where: { to: stale }, data: { expiresAt: past } });

    const purged = await purgeExpiredSignIns(database.db);
    expect(purged.tokens).toBeGreaterThanOrEqual(1);
    expect(await database.db.verificationToken.count({ where: { identifier: stale } })).toBe(0);
    expect(await emailsTo(stale)).toBe(0);
    expect(await database.db.verificationToken.count({ where: { identifier: fresh } })).toBe(1);
    expect(await emailsTo(fresh)).toBe(1);
  });

  it("purges on every new request for a link", async () => {
    const stale = address("stale2");
    await requestLink(stale);
    await database.db.devEmail.updateMany({
      where: { to: stale },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await requestLink(address("next"));
    expect(await emailsTo(stale)).toBe(0);
  });
});
