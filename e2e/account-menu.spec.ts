import { expect, test } from "@playwright/test";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

test("a shopper signs out from the header menu with the keyboard", async ({ page }) => {
  const email = uniqueEmail("leaver");
  await signInByEmail(page, email);

  const menuButton = page.getByRole("button", { name: "Account menu" });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("menu-account")).toHaveText(email);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My replies" })).toHaveAttribute(
    "href",
    "/account/replies",
  );

  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "My account" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "My replies" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "My orders" })).toBeFocused();
  await expect(nav.getByRole("link", { name: "My orders" })).toHaveAttribute("href", "/orders");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to replycart" })).toBeVisible();
});

test("the menu fits a 375 px screen and names an email account", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const email = uniqueEmail("narrow-screen-shopper-with-a-long-address");
  await signInByEmail(page, email);
  await page.getByRole("button", { name: "Account menu" }).click();
  const menu = page.getByRole("button", { name: "Sign out" });
  await expect(menu).toBeVisible();
  const box = await page.getByTestId("menu-account").boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(menu).toBeHidden();
});
