import { expect, test, type Page } from "@playwright/test";
import { brandRows, connectBrandAsAdmin } from "./support/brand";
import { queryE2eDatabase } from "./support/database";
import { linkNewXAccount } from "./support/link-x";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

// Next refuses a server action whose Origin names another site, but lets one without Origin
// through: unlinking X, deleting the reply history and disconnecting the brand check it too.

/** Sends the next POST to `path` without its Origin header, as a non-browser client would. */
async function dropOriginOnce(page: Page, path: string) {
  let dropped = false;
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (dropped || route.request().method() !== "POST") return route.fallback();
      dropped = true;
      const headers = { ...route.request().headers() };
      delete headers.origin;
      await route.fulfill({ response: await route.fetch({ headers }) });
    },
  );
}

const NOT_FROM_SHOP = "did not come from the shop's own page, so nothing changed";
// Next's route announcer is an alert too: the action's own message is the one with this text.
const refusal = (page: Page) => page.getByRole("alert").filter({ hasText: NOT_FROM_SHOP });

test("unlinking X without an Origin keeps the link", async ({ page }) => {
  await signInByEmail(page, uniqueEmail("origin-unlink"));
  const username = await linkNewXAccount(page, "orgunl");
  await dropOriginOnce(page, "/account");
  await page.getByRole("button", { name: "Unlink X" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlink X" }).click();
  await expect(refusal(page)).toBeVisible();
  const links = await queryE2eDatabase(
    `SELECT 1 FROM "Account" WHERE provider = 'twitter' AND username = $1`,
    [username],
  );
  expect(links).toHaveLength(1);
});

test("deleting the reply history without an Origin deletes nothing", async ({ page }) => {
  const email = uniqueEmail("origin-purge");
  await signInByEmail(page, email);
  const [user] = await queryE2eDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    email,
  ]);
  const tweetId = String(1_950_000_000_000_000_000n + BigInt(Date.now()));
  await queryE2eDatabase(
    `INSERT INTO "TweetEvent" (id, "tweetId", "latestTweetId", source, "authorXId", text, status,
       outcome, "userId", "receivedAt")
     VALUES ($1, $1, $1, 'XAA', 'x-' || $2, 'my words stay #addtocart', 'DONE', 'NO_PRODUCT', $2,
       now())`,
    [tweetId, user!.id],
  );
  await page.goto("/account/replies");
  await dropOriginOnce(page, "/account/replies");
  await page.getByRole("button", { name: "Delete my reply history" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete history" }).click();
  await expect(refusal(page)).toBeVisible();
  const [row] = await queryE2eDatabase<{ text: string | null }>(
    `SELECT text FROM "TweetEvent" WHERE "tweetId" = $1`,
    [tweetId],
  );
  expect(row?.text).toBe("my words stay #addtocart");
});

test("disconnecting the brand without an Origin is refused; with one it goes through", async ({
  page,
}) => {
  await connectBrandAsAdmin(page);
  expect(await brandRows()).toHaveLength(1);

  const disconnect = async () => {
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  };
  await dropOriginOnce(page, "/admin/x");
  await disconnect();
  await expect(refusal(page)).toBeVisible();
  expect(await brandRows()).toHaveLength(1);

  // The shop's own page, with its Origin, still disconnects (and leaves the brand as it was).
  await page.goto("/admin/x");
  await disconnect();
  await expect(page.getByRole("status")).toContainText("disconnected");
  expect(await brandRows()).toHaveLength(0);
});
