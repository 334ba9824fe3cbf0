import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { linkNewXAccount } from "./support/link-x";
import { signInAsAdmin } from "./support/brand";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

function expectSecurityHeaders(path: string, headers: Record<string, string>) {
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("same-origin");
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, path).toContain("frame-ancestors 'none'");
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy, path).toContain("form-action 'self'");
  expect(policy, path).toContain("object-src 'none'");
  expect(policy, path).not.toContain("unsafe-inline");
  expect(policy, path).not.toContain("unsafe-eval");
}

const nonceOf = (headers: Record<string, string>) =>
  /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];

test("pages, 404s and API routes send the security headers", async ({ request }) => {
  for (const path of ["/", "/p/us-organic-tee", "/signin", "/nope", "/_next/nope", "/api/health"]) {
    expectSecurityHeaders(path, (await request.get(path)).headers());
  }
  // X's webhook skips the proxy (its answers are JSON for X), so only the static headers; a
  // path that merely starts like it is an ordinary 404 with the policy.
  const webhook = (await request.get("/api/x/webhook")).headers();
  expect(webhook["x-content-type-options"]).toBe("nosniff");
  expect(webhook["x-frame-options"]).toBe("DENY");
  expectSecurityHeaders("/api/x/webhooks", (await request.get("/api/x/webhooks")).headers());
  const first = nonceOf((await request.get("/")).headers());
  const second = nonceOf((await request.get("/")).headers());
  expect(first).toBeTruthy();
  expect(second).not.toBe(first);
});

test("another site cannot show the account page in a frame", async ({ page, baseURL }) => {
  await signInByEmail(page, uniqueEmail("framed"));
  // The framing page is served from another port of this machine: another origin, but the same
  // site, so the browser would send the session cookie and, unprotected, render the account.
  const attacker = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<title>attacker</title><iframe src="${baseURL}/account" width="800" height="600"
      onload="document.title = 'frame done'"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle("frame done");
    const framed = page.frameLocator("iframe");
    await expect(framed.getByRole("heading", { name: "Your account" })).toHaveCount(0);
    await expect(framed.getByRole("link", { name: "replycart" })).toHaveCount(0);
    expect(messages.join("\n")).toContain("frame-ancestors 'none'");
  } finally {
    attacker.close();
  }
});

/** Collects every content security policy violation the app's own pages report. */
async function watchPolicyViolations(page: Page, appOrigin: string): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (!/content.security.policy/i.test(message.text())) return;
    if (!message.location().url.startsWith(appOrigin) && !page.url().startsWith(appOrigin)) return;
    violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content Security Policy violation on ${location.href}: ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

test("the app's pages run under the policy without a single violation", async ({
  browser,
  baseURL,
}) => {
  // A dozen pages, two sign-ins and an X link: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const origin = new URL(baseURL!).origin;

  const shopper = await (await browser.newContext()).newPage();
  const shopperViolations = await watchPolicyViolations(shopper, origin);
  for (const path of ["/", "/p/us-organic-tee", "/p/uk-tea-mug", "/nope", "/p/%ZZ", "/signin"]) {
    await shopper.goto(path);
    await shopper.waitForLoadState("networkidle");
  }
  // Signing in needs the page's script (the form posts with fetch), so it also proves the
  // nonce reaches Next's scripts; then the account page, unlinked and linked, and the mailbox.
  await signInByEmail(shopper, uniqueEmail("csp"));
  await expect(shopper.getByRole("button", { name: "Link X account" })).toBeVisible();
  await linkNewXAccount(shopper, "csp");
  await shopper.waitForLoadState("networkidle");
  await shopper.goto("/dev/mailbox");
  await shopper.waitForLoadState("networkidle");
  // The cart and checkout run their own scripts (server actions, optimistic updates).
  await shopper.goto("/p/us-stoneware-mug");
  await shopper.getByTestId("add-to-cart").click();
  await expect(
    shopper.getByRole("status").filter({ hasText: "Added 1 to your cart" }),
  ).toBeVisible();
  for (const path of ["/cart", "/checkout?marketplace=US", "/orders"]) {
    await shopper.goto(path);
    await shopper.waitForLoadState("networkidle");
  }
  await shopper.getByRole("button", { name: "Account menu" }).click();
  await expect(shopper.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(shopperViolations).toEqual([]);

  const admin = await (await browser.newContext()).newPage();
  const adminViolations = await watchPolicyViolations(admin, origin);
  await signInAsAdmin(admin);
  await admin.goto("/admin/x");
  await expect(admin.getByRole("heading", { name: "Brand X account" })).toBeVisible();
  await admin.waitForLoadState("networkidle");
  expect(adminViolations).toEqual([]);
});
