import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/**
 * From /account, links X as a demo account made just for this test on the simulator's consent
 * page, so no other spec's demo account is touched. Returns its handle.
 */
export async function linkNewXAccount(page: Page, prefix: string): Promise<string> {
  const username = `${prefix}${randomBytes(3).toString("hex")}`;
  await page.getByRole("button", { name: "Link X account" }).click();
  await page.getByLabel("New demo account").check();
  await page.getByLabel("new username").fill(username);
  await page.getByLabel("new display name").fill(`Test ${prefix}`);
  await page.getByRole("button", { name: "Authorize app" }).click();
  await expect(page.getByTestId("x-handle")).toHaveText(`@${username}`);
  return username;
}
