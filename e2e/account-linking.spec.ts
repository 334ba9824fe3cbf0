import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

/** X's consent page pre-selects no account, so "Authorize app" alone cannot grant one. */
async function expectNothingPicked(page: Page) {
  // The consent page first: before it loads, the page we came from has no radios either.
  await expect(page.getByRole("radio").first()).toBeVisible();
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  expect(await page.locator("form").evaluate((form: HTMLFormElement) => form.checkValidity())).toBe(
    false,
  );
}

/** Starts linking on /account and answers the simulator's consent page as `username`. */
async function linkX(page: Page, username: string, decision: "Authorize app" | "Cancel") {
  await page.getByRole("button", { name: "Link X account" }).click();
  await expectNothingPicked(page);
  await page.getByLabel(new RegExp(`@${username}$`)).check();
  await page.getByRole("button", { name: decision }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
}

const aliceLinks = () =>
  queryE2eDatabase<{ access_token: string | null; refresh_token: string | null }>(
    `SELECT access_token, refresh_token FROM "Account"
     WHERE provider = 'twitter' AND "providerAccountId" = '1800000000000000002'`,
  );

test("a shopper links X, sees the handle, and unlinks it", async ({ page }) => {
  await signInByEmail(page, uniqueEmail("linker"));
  await linkX(page, "alice", "Authorize app");
  await expect(page.getByTestId("x-handle")).toHaveText("@alice");
  const [linked] = await aliceLinks();
  expect(linked?.access_token).toMatch(/^v1\./); // sealed, not X's token

  await page.getByRole("button", { name: "Unlink X" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlink X" }).click();
  await expect(page.getByRole("status")).toContainText("X is unlinked");
  await page.reload();
  await expect(page.getByTestId("x-handle")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Link X account" })).toBeVisible();
  expect(await aliceLinks()).toEqual([]);
});

test("denying at X's consent page links nothing and says so", async ({ page }) => {
  await signInByEmail(page, uniqueEmail("denier"));
  await linkX(page, "bob", "Cancel");
  await expect(page.getByRole("alert").filter({ hasText: /nothing was linked/i })).toBeVisible();
  await expect(page.getByTestId("x-handle")).toHaveCount(0);
});

test("an X account linked to one shop account cannot be linked to a second", async ({
  browser,
}) => {
  const first = await browser.newPage();
  await signInByEmail(first, uniqueEmail("first"));
  await linkX(first, "carol", "Authorize app");
  await expect(first.getByTestId("x-handle")).toHaveText("@carol");

  const second = await (await browser.newContext()).newPage();
  await signInByEmail(second, uniqueEmail("second"));
  await linkX(second, "carol", "Authorize app");
  await expect(
    second.getByRole("alert").filter({ hasText: "already linked to another shop account" }),
  ).toBeVisible();
  await expect(second.getByTestId("x-handle")).toHaveCount(0);

  await first.reload();
  await expect(first.getByTestId("x-handle")).toHaveText("@carol");
});

test("signing in with an X account nobody linked explains what to do", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with X" }).click();
  await expectNothingPicked(page);
  await page.getByLabel(/@dave$/).check();
  await page.getByRole("button", { name: "Authorize app" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "isn't linked to a shop account yet" }),
  ).toBeVisible();
});
