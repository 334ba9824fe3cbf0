import { expect, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./database";
import { signInByEmail } from "./sign-in";

/** The seed's admin; `npm test` seeds the browser tests' database with it. */
export const ADMIN = "admin@replycart.local";

/** Signs `page` in as the admin and connects the simulator's @replycart as the brand account. */
export async function connectBrandAsAdmin(page: Page) {
  await signInByEmail(page, ADMIN);
  await page.goto("/admin/x");
  await page.getByRole("button", { name: "Connect brand account" }).click();
  await page.getByLabel(/@replycart$/).check();
  await page.getByRole("button", { name: "Authorize app" }).click();
  await expect(page.getByTestId("brand-handle")).toHaveText("@replycart");
}

/** The brand account's rows (none or one). */
export const brandRows = () =>
  queryE2eDatabase(`SELECT 1 FROM "Account" WHERE provider = 'x-brand'`);
