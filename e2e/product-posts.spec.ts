import { expect, test } from "@playwright/test";
import { appUrl, simUrl } from "./support/app-env";
import { signInAs } from "./support/brand";
import { replyInSimulator, runFirstStart } from "./support/first-start";
import { linkNewXAccount } from "./support/link-x";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

// The console's product posts end to end: the owner writes a post in the composer (X's count
// and price shown as they type), the brand posts it to the simulator, a shopper replies there
// and the cart gets it; closing the post stops later replies from adding.

test.beforeAll(runFirstStart);

test("the owner posts a product from the console, and a reply to it in X fills a cart", async ({
  page,
  browser,
}) => {
  await signInAs(page, "owner");
  await page.goto("/admin/posts/new?product=us-organic-tee");
  const text = page.getByLabel("Post text");
  await expect(text).toHaveValue(
    /^Organic Cotton Tee, \$[\d.]+\. Reply #addtocart to put it in your cart: "#addtocart 2 size \w+" adds 2\..* http:\/\/\S+\/p\/us-organic-tee$/,
  );
  await expect(page.getByTestId("post-cost")).toContainText("$0.200");

  // X's count: a link is 23 however long, a CJK character and an emoji 2 each.
  await text.fill(`Tee 綿 🛒 https://shop.example/p/${"a".repeat(100)}`);
  await expect(page.getByTestId("post-length")).toHaveText(/^33 \/ 280 /);
  await text.fill(`${"x".repeat(270)} https://shop.example/p/a`);
  await expect(page.getByTestId("post-length")).toContainText("294 / 280");
  await expect(page.getByTestId("post-length")).toContainText("14 too many");
  await expect(page.getByRole("button", { name: "Post on X" })).toBeDisabled();

  const marker = `Console drop ${Date.now().toString(36)}`;
  const post = `${marker}: the Organic Cotton Tee in every size. Reply #addtocart 2 size M`;
  await text.fill(post);
  await expect(page.getByTestId("post-cost")).toHaveText("Costs $0.015 at X");
  await expect(page.getByTestId("post-length")).toContainText(`${post.length} / 280`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({
    path: "reports/screenshots/admin-post-composer-1280.png",
    fullPage: true,
  });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({
    path: "reports/screenshots/admin-post-composer-375.png",
    fullPage: true,
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Post on X" }).click();

  await expect(page).toHaveURL(/\/admin\/posts\?notice=posted$/);
  await expect(page.getByRole("status")).toContainText("Posted on X");
  const row = page.getByTestId("post-row").filter({ hasText: marker });
  await expect(row).toContainText("Taking orders");

  // The brand's post is in X, and a shopper's reply to it there lands in their cart.
  const shopper = await browser.newContext();
  try {
    const shopperPage = await shopper.newPage();
    await signInByEmail(shopperPage, uniqueEmail("poster"));
    const username = await linkNewXAccount(shopperPage, "pst");
    await shopperPage.goto(simUrl);
    await expect(
      shopperPage.getByTestId("post").filter({ hasText: marker }).filter({ hasText: "@replycart" }),
    ).toBeVisible();
    await replyInSimulator(shopperPage, username, new RegExp(marker), "#addtocart size M");
    await expect(async () => {
      await shopperPage.goto(`${appUrl}/cart`);
      await expect(shopperPage.getByTestId("cart-count")).toHaveText("1", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await shopper.close();
  }

  await expect(async () => {
    await page.reload();
    await expect(row.getByText("Adds", { exact: true }).locator("..")).toContainText("1", {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await page.screenshot({ path: "reports/screenshots/admin-posts-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "reports/screenshots/admin-posts-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Closing it: confirmed in a dialog, then shown as closed.
  await row.getByRole("button", { name: "Close for orders" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Close for orders" }).click();
  await expect(row).toContainText("Closed");
  await expect(row.getByRole("button", { name: "Reopen for orders" })).toBeVisible();
});
