import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const uniqueEmail = (name: string) =>
  `${name}-${randomBytes(3).toString("hex")}@example.com`;

/** Signs in by magic link, reading the link from the dev mailbox like a developer would. */
export async function signInByEmail(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.getByRole("link", { name: "dev mailbox" }).click();
  await page
    .getByRole("link", { name: `Sign in as ${email}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
}
