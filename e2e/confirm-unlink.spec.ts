import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { linkNewXAccount } from "./support/link-x";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

const links = (username: string) =>
  queryE2eDatabase(`SELECT 1 FROM "Account" WHERE provider = 'twitter' AND username = $1`, [
    username,
  ]);

test("unlinking X asks first; cancelling keeps the link", async ({ page }) => {
  await signInByEmail(page, uniqueEmail("unsure"));
  const username = await linkNewXAccount(page, "unsure");

  await page.getByRole("button", { name: "Unlink X" }).click();
  const dialog = page.getByRole("dialog", { name: /Unlink your X account\?/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Unlink X" }).click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("x-handle")).toHaveText(`@${username}`);
  expect(await links(username)).toHaveLength(1);

  await page.getByRole("button", { name: "Unlink X" }).click();
  await dialog.getByRole("button", { name: "Unlink X" }).click();
  await expect(page.getByRole("status")).toContainText("X is unlinked");
  expect(await links(username)).toHaveLength(0);
});
