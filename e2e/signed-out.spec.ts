import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./support/sign-in";

// A shopper's own pages, visited signed out: a redirect to sign in from the first byte, with the
// page to come back to, and never the page itself.

const PAGES = {
  "/cart": "/cart",
  "/checkout?marketplace=UK": "/checkout?marketplace=UK",
  "/orders": "/orders",
  "/orders/no-such-order": "/orders/no-such-order",
  "/account": "/account",
  "/account/replies": "/account/replies",
};

test("a visitor without a session cookie is redirected (307) to sign in, before any page", async ({
  request,
}) => {
  for (const [path, callback] of Object.entries(PAGES)) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    const location = new URL(response.headers()["location"] ?? "", "http://x.test");
    expect(location.pathname, path).toBe("/signin");
    expect(location.searchParams.get("callbackUrl"), path).toBe(callback);
    expect(await response.text(), path).not.toContain("<html");
  }
});

test("a stale session cookie still ends at sign in, through the page's own check", async ({
  page,
  baseURL,
}) => {
  await page
    .context()
    .addCookies([{ name: "next-auth.session-token", value: "not-a-session", url: baseURL! }]);
  await page.goto("/cart");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(\/|%2F)cart$/);
  await expect(page.getByRole("heading", { name: "Your cart" })).toHaveCount(0);
});

test("signing in from the redirect comes back to the page asked for, query and all", async ({
  page,
}) => {
  const email = uniqueEmail("signed-out");
  await page.goto("/checkout?marketplace=UK");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcheckout%3Fmarketplace%3DUK$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("link", { name: "dev mailbox" }).click();
  await page
    .getByRole("link", { name: `Sign in as ${email}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/checkout\?marketplace=UK$/);
  await expect(page.getByRole("heading", { name: "Checkout: United Kingdom store" })).toBeVisible();
});
