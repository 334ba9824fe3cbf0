import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { appUrl, simUrl } from "./support/app-env";
import { replyInSimulator as replyToPost, runFirstStart } from "./support/first-start";
import { linkNewXAccount } from "./support/link-x";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

// A newcomer's first replies, as `npm start` runs the demo: the brand's product posts are in the
// X simulator; a shopper replies there; the worker puts it in the cart and the bot answers there.

test.beforeAll(runFirstStart);

/** In the simulator's UI, as `username`: reply to the brand's post of the US tee. */
const replyInSimulator = (page: Page, username: string, text: string) =>
  replyToPost(page, username, /Organic Cotton Tee, \$/, text);

const botAnswer = (page: Page, words: RegExp) =>
  page.getByTestId("post").filter({ hasText: "@replycart" }).filter({ hasText: words });

test("a linked shopper replies #addtocart 2 size M in X; the bot answers and the cart holds 2", async ({
  page,
}) => {
  await signInByEmail(page, uniqueEmail("replier"));
  const username = await linkNewXAccount(page, "rep");

  await replyInSimulator(page, username, "#addtocart 2 size M");
  // The bot's answer appears in X (the simulator's timeline refreshes every second).
  await expect(botAnswer(page, /Added 2 × Organic Cotton Tee \(size M\) to your cart/)).toBeVisible(
    {
      timeout: 15_000,
    },
  );

  await page.goto(`${appUrl}/account/replies`);
  await expect(page.getByText("Organic Cotton Tee").first()).toBeVisible();
  await expect(page.getByText(/added to your cart/i).first()).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "reports/screenshots/account-replies-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "reports/screenshots/account-replies-375.png", fullPage: true });
});

test("an unlinked shopper gets the link-your-account answer, links, and finds the item waiting", async ({
  page,
  request,
}) => {
  const username = `later${Date.now().toString(36)}`;
  const created = await request.post(`${simUrl}/_sim/users`, {
    data: { username, name: "Later Shopper" },
  });
  const xUserId = ((await created.json()) as { user: { id: string } }).user.id;
  await replyInSimulator(page, username, "#addtocart size L");
  await expect(botAnswer(page, /link your X account/)).toBeVisible({ timeout: 15_000 });
  const [pending] = await queryE2eDatabase<{ status: string }>(
    `SELECT p.status FROM "PendingAdd" p JOIN "TweetEvent" e ON e."tweetId" = p."sourceTweetId"
     WHERE e."authorXId" = $1`,
    [xUserId],
  );
  expect(pending?.status).toBe("PENDING");

  await signInByEmail(page, uniqueEmail("later"));
  await page.getByRole("button", { name: "Link X account" }).click();
  await page.getByLabel(`@${username}`).check();
  await page.getByRole("button", { name: "Authorize app" }).click();
  await expect(page.getByTestId("x-handle")).toHaveText(`@${username}`);
  const note = page.getByRole("status").filter({ hasText: "from your replies" });
  await expect(note).toHaveText(/1 item from your replies is now in your cart/);
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  // Said once: the cookie that carried it goes as soon as it shows, and the page keeps the note.
  const claimCookie = async () =>
    (await page.context().cookies()).some((cookie) => cookie.name === "replycart.claimed");
  await expect.poll(claimCookie).toBe(false);
  await expect(note).toBeVisible();
  await note.getByRole("link", { name: "See My replies" }).click();
  await expect(page).toHaveURL(/\/account\/replies$/);
  await page.goto("/account");
  await expect(page.getByTestId("x-handle")).toHaveText(`@${username}`);
  await expect(page.getByText(/from your replies (is|are) now in your cart/)).toHaveCount(0);
});
