import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./support/brand";

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("no page an admin sees is wider than the screen", async ({ page }) => {
    await signInAsAdmin(page);
    for (const path of [
      "/",
      "/p/us-organic-tee",
      "/account",
      "/account/replies",
      "/cart",
      "/checkout?marketplace=US",
      "/orders",
      "/admin/posts",
      "/admin/posts/new?product=us-organic-tee",
      "/admin/posts/new",
      "/admin/posts/attach",
      "/admin/x",
      "/admin/orders",
      "/admin/products",
      "/admin/products/new",
      "/admin/products/us-organic-tee",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
      expect(await pageWidth(page), path).toBeLessThanOrEqual(375);
    }
  });

  test("a signed-out visitor's pages fit too", async ({ page }) => {
    for (const path of ["/", "/p/uk-organic-tee", "/signin", "/nope"]) {
      await page.goto(path);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(375);
    }
  });
});

test("on a short page the footer ends at the bottom of the window", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto("/nope");
  const { footerBottom, windowHeight, pageHeight } = await page.evaluate(() => ({
    footerBottom: document.querySelector("footer")!.getBoundingClientRect().bottom,
    windowHeight: window.innerHeight,
    pageHeight: document.documentElement.scrollHeight,
  }));
  expect(Math.round(footerBottom)).toBe(windowHeight);
  expect(pageHeight).toBe(windowHeight);
});

test("the app has an icon, at /favicon.ico and in every page's head", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

  await page.goto("/");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
