import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { appUrl } from "./app-env";
import { queryE2eDatabase } from "./database";

/** The seed's admin; `npm test` seeds the browser tests' database with it. */
export const ADMIN = "admin@replycart.local";

/**
 * Signs `page` in as the admin with a session of next-auth's own kind (a Session row and its
 * cookie), without the magic link: the shop sends one address at most SIGN_IN_EMAILS_PER_ADDRESS
 * links an hour, and more tests than that need the admin. The admin's email sign-in itself is
 * admin-brand.spec.ts's first test.
 */
export async function signInAsAdmin(page: Page) {
  const token = randomBytes(32).toString("hex");
  await queryE2eDatabase(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     SELECT $1, $1, id, now() + interval '1 hour' FROM "User" WHERE email = $2`,
    [token, ADMIN],
  );
  await page.context().addCookies([
    {
      name: "next-auth.session-token",
      value: token,
      url: appUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}

/** Signs `page` in as the admin and connects the simulator's @replycart as the brand account. */
export async function connectBrandAsAdmin(page: Page) {
  await signInAsAdmin(page);
  await page.goto("/admin/x");
  await page.getByRole("button", { name: "Connect brand account" }).click();
  await page.getByLabel(/@replycart$/).check();
  await page.getByRole("button", { name: "Authorize app" }).click();
  await expect(page.getByTestId("brand-handle")).toHaveText("@replycart");
}

/** The brand account's rows (none or one). */
export const brandRows = () =>
  queryE2eDatabase(`SELECT 1 FROM "Account" WHERE provider = 'x-brand'`);
