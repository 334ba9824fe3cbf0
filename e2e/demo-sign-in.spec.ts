import http from "node:http";
import net from "node:net";
import { networkInterfaces } from "node:os";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { uniqueEmail } from "./support/sign-in";

// The demo's dev mailbox hands out sign-in links, so the demo server must be reachable from
// this machine only, and sign-in emails are limited.

const appPort = Number(process.env.E2E_APP_PORT ?? 3100);

/** Resolves with the connection error's code, or "connected". */
function tryConnect(host: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: appPort, timeout: 3000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

/** This machine's own addresses that are not loopback: how another machine would reach it. */
const outsideAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && entry.family === "IPv4")
    .map((entry) => entry!.address);

test("the demo server accepts 127.0.0.1 only", async () => {
  expect(await tryConnect("127.0.0.1")).toBe("connected");
  // 127.0.0.2 reaches this machine too, but a server bound to 127.0.0.1 alone refuses it,
  // exactly as it refuses every other machine's address.
  expect(await tryConnect("127.0.0.2")).toBe("ECONNREFUSED");
  for (const address of outsideAddresses()) expect(await tryConnect(address)).not.toBe("connected");
});

test("the dev mailbox refuses a page whose host name was rebound to this machine", async () => {
  const status = (host: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(
          { host: "127.0.0.1", port: appPort, path: "/dev/mailbox", headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on("error", reject);
    });
  expect(await status(`127.0.0.1:${appPort}`)).toBe(200);
  expect(await status(`attacker.example:${appPort}`)).toBe(404);
});

test("a page asked for as localhost goes to APP_URL's host, where the session lives", async () => {
  // APP_URL is http://127.0.0.1:<port> here; the same server under this machine's other name.
  const ask = (method: string, path: string) =>
    new Promise<{ status: number; location?: string }>((resolve, reject) => {
      http
        .request(
          {
            method,
            host: "127.0.0.1",
            port: appPort,
            path,
            headers: { host: `localhost:${appPort}` },
          },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, location: res.headers.location });
          },
        )
        .on("error", reject)
        .end();
    });
  expect(await ask("GET", "/account/replies?before=1")).toEqual({
    status: 307,
    location: `http://127.0.0.1:${appPort}/account/replies?before=1`,
  });
  expect((await ask("HEAD", "/")).status).toBe(307);
  expect((await ask("GET", "/api/health")).status).toBe(200);
  expect((await ask("POST", "/api/auth/signin/email")).status).not.toBe(307);
});

async function countRows(sql: string, params: unknown[] = []) {
  const rows = await queryE2eDatabase<{ count: string }>(sql, params);
  return Number(rows[0]?.count);
}

/** next-auth's CSRF token for this request context (its cookie is kept by the context). */
async function csrfTokenFor(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

async function askForLink(request: APIRequestContext, email: string) {
  const csrfToken = await csrfTokenFor(request);
  return request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/account", json: "true" },
  });
}

test("30 requests for one address send 5 emails; the rest get a 429 with a JSON reason", async ({
  request,
}) => {
  const email = uniqueEmail("flood");
  const statuses: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const response = await askForLink(request, email);
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ error: { code: "EmailRateLimited" } });
    }
  }
  expect(statuses.filter((status) => status === 200)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(25);
  expect(await countRows(`SELECT count(*) FROM "DevEmail" WHERE "to" = $1`, [email])).toBe(5);
});

test("an address hidden behind a decoy is counted as the one that would be mailed", async ({
  request,
}) => {
  const victim = uniqueEmail("hidden");
  const statuses: number[] = [];
  for (let i = 0; i < 8; i += 1) {
    const csrfToken = await csrfTokenFor(request);
    const decoy = uniqueEmail(`decoy${i}`);
    // A repeated field (next-auth mails the last one) and a body next-auth reads as JSON.
    const response =
      i % 2 === 0
        ? await request.post("/api/auth/signin/email", {
            headers: { "content-type": "application/x-www-form-urlencoded" },
            data: new URLSearchParams([
              ["email", decoy],
              ["csrfToken", csrfToken],
              ["json", "true"],
              ["email", victim],
            ]).toString(),
          })
        : await request.post("/api/auth/signin/email", {
            headers: {
              "content-type": "application/x-www-form-urlencoded; charset=application/json",
            },
            data: JSON.stringify({ email: victim, csrfToken, json: "true", x: `&email=${decoy}` }),
          });
    statuses.push(response.status());
  }
  expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  expect(await countRows(`SELECT count(*) FROM "DevEmail" WHERE "to" = $1`, [victim])).toBe(5);
});

test("a request without the CSRF token is refused and sends nothing", async ({ request }) => {
  const email = uniqueEmail("forged");
  const response = await request.post("/api/auth/signin/email", {
    form: { email, csrfToken: "forged", json: "true" },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "CsrfFailed" } });
  expect(await countRows(`SELECT count(*) FROM "DevEmail" WHERE "to" = $1`, [email])).toBe(0);
});

test("an address over 254 characters is refused with 400 and stores nothing", async ({
  request,
}) => {
  const email = `${"a".repeat(64)}@${"b".repeat(100_000)}.com`;
  const response = await askForLink(request, email);
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: "InvalidEmail" } });
  const stored = `SELECT count(*) FROM "VerificationToken" WHERE length(identifier) > 254`;
  expect(await countRows(stored)).toBe(0);
});

test("the sign-in form says when too many links were asked for", async ({ page }) => {
  const email = uniqueEmail("patient");
  for (let i = 0; i < 5; i += 1) {
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(`We sent a sign-in link to ${email}`)).toBeVisible();
  }
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many sign-in links were asked for" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
});

test("the check-email page names only the address this browser asked for", async ({ page }) => {
  await page.goto("/signin/check-email?email=Your%20account%20is%20locked%2C%20call%20us");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("Your account is locked")).toHaveCount(0);
  await expect(page.getByText("expires in 20 minutes")).toBeVisible();
});
