import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

// "My replies", the header's cart count and the product page's post link, on rows written
// straight into the browser tests' database (as the reply processor would have left them).

const SIM_UI = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4011}/`;
const rowId = () => `e2e${randomBytes(8).toString("hex")}`;
let nextTweet = 1_990_000_000_000_000_000n + BigInt(Date.now() % 1_000_000) * 1000n;

async function userId(email: string): Promise<string> {
  const [row] = await queryE2eDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    email,
  ]);
  return row!.id;
}

type Reply = {
  outcome: string | null;
  status?: string;
  productId?: string | null;
  text?: string | null;
  quantity?: number;
  size?: string | null;
  deleted?: boolean;
  minutesAgo?: number;
  bot?: string;
};

/** One inbox row for `user`, and the bot's answer when `bot` gives its status. */
async function seedReply(user: string, reply: Reply): Promise<string> {
  const tweetId = String(nextTweet++);
  const text = reply.text === undefined ? "@replycart #addtocart" : reply.text;
  await queryE2eDatabase(
    `INSERT INTO "TweetEvent" (id, "tweetId", "latestTweetId", source, "authorXId", "authorUsername",
       text, raw, status, outcome, "productId", quantity, size, "userId", "deletedAt", "receivedAt")
     VALUES ($1, $2, $2, 'XAA', 'x-' || $3, 'shopper', $4, $5, $6::"TweetEventStatus",
       $7::"ReplyOutcome", $8, $9, $10, $3, $11, now() - make_interval(mins => $12))`,
    [
      rowId(),
      tweetId,
      user,
      text,
      text === null ? null : JSON.stringify({ data: { id: tweetId, text } }),
      reply.status ?? "DONE",
      reply.outcome,
      reply.productId === undefined ? "us-organic-tee" : reply.productId,
      reply.quantity ?? 1,
      reply.size ?? null,
      reply.deleted ? new Date() : null,
      reply.minutesAgo ?? 0,
    ],
  );
  if (reply.bot)
    await queryE2eDatabase(
      `INSERT INTO "OutboundReply" (id, "inReplyToTweetId", kind, text, status, "expiresAt", "updatedAt")
       VALUES ($1, $2, $3::"ReplyOutcome", 'answer ' || $2, $4::"OutboundStatus", now() + interval '1 hour', now())`,
      [rowId(), tweetId, reply.outcome ?? "ADDED", reply.bot],
    );
  return tweetId;
}

async function seedCartLine(user: string, productId: string, variant: string, quantity: number) {
  await queryE2eDatabase(
    `INSERT INTO "CartItem" (id, "userId", "productId", variant, quantity, "updatedAt")
     VALUES ($1, $2, $3, $4, $5, now())`,
    [rowId(), user, productId, variant, quantity],
  );
}

async function otherShopperWithReply(text: string) {
  const other = rowId();
  await queryE2eDatabase(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [
    other,
    uniqueEmail("other"),
  ]);
  await seedReply(other, { outcome: "ADDED", text });
}

const entries = (page: Page) => page.getByTestId("reply-entry");
const entry = (page: Page, text: string) => entries(page).filter({ hasText: text });

test("a shopper sees each reply's outcome in plain words and their cart count", async ({
  page,
}) => {
  const email = uniqueEmail("replier");
  await signInByEmail(page, email);
  const me = await userId(email);
  await otherShopperWithReply("someone else's reply #addtocart");
  const added = await seedReply(me, {
    outcome: "ADDED",
    text: "@replycart #addtocart 2 size m",
    quantity: 2,
    size: "M",
    bot: "SENT",
    minutesAgo: 6,
  });
  await seedReply(me, {
    outcome: "UNKNOWN_SIZE",
    text: "#addtocart size q",
    bot: "REFUSED",
    minutesAgo: 5,
  });
  await seedReply(me, {
    outcome: "WRONG_MARKETPLACE",
    productId: "uk-organic-tee",
    text: "#addtocart tea",
    bot: "EXPIRED",
    minutesAgo: 4,
  });
  await seedReply(me, {
    outcome: "WITHDRAWN",
    text: null,
    deleted: true,
    bot: "CANCELLED",
    minutesAgo: 3,
  });
  await seedReply(me, {
    outcome: "UNSUPPORTED",
    productId: "us-gift-card",
    text: "#addtocart gift",
    bot: "PENDING",
    minutesAgo: 2,
  });
  await seedReply(me, { outcome: "IGNORED", text: "just chatting", minutesAgo: 1 });
  await seedReply(me, {
    outcome: null,
    status: "RECEIVED",
    productId: null,
    text: "#addtocart now",
  });
  await seedCartLine(me, "us-organic-tee", "M", 2);
  await seedCartLine(me, "us-stoneware-mug", "", 1);

  await page.goto("/account/replies");
  await expect(page.getByRole("heading", { name: "My replies" })).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("3");
  await expect(page.getByRole("link", { name: "Cart 3 items" })).toHaveAttribute("href", "/cart");

  await expect(entries(page)).toHaveCount(6);
  await expect(entries(page).first()).toContainText("Being processed");
  await expect(page.getByText("someone else's reply")).toHaveCount(0);
  await expect(page.getByText("just chatting")).toHaveCount(0);

  const addedEntry = entry(page, "2 size m");
  await expect(addedEntry).toContainText("Added to your cart");
  await expect(addedEntry).toContainText("Quantity 2 · Size M");
  await expect(addedEntry).toContainText("Our bot answered you on X.");
  await expect(addedEntry.getByRole("link", { name: "Your reply on X" })).toHaveAttribute(
    "href",
    `${SIM_UI}#post-${added}`,
  );

  const sizeEntry = entry(page, "size q");
  await expect(sizeEntry).toContainText("Which size?");
  await expect(sizeEntry).toContainText("“size S”, “size M”, “size L”, “size XL”");
  await expect(sizeEntry).toContainText("X did not let our bot answer you there");

  const storeEntry = entry(page, "#addtocart tea");
  await expect(storeEntry).toContainText("reply with #addtobasket instead");
  await expect(storeEntry).toContainText("could not answer on X in time");

  const deleted = entry(page, "You deleted this reply");
  await expect(deleted).toContainText("Its text went when you deleted it on X.");
  await expect(deleted.getByRole("link", { name: "Your reply on X" })).toHaveCount(0);

  const digital = entry(page, "#addtocart gift");
  await expect(digital).toContainText("Can't be added by reply");
  await expect(digital.getByRole("link", { name: "Buy it on the site" })).toHaveAttribute(
    "href",
    "/p/us-gift-card",
  );
  await expect(digital).toContainText("waiting to be posted");
});

test("a shopper without replies is told how to reply, with each store's hashtag", async ({
  page,
}) => {
  await signInByEmail(page, uniqueEmail("quiet"));
  await otherShopperWithReply("not yours #addtocart");
  await page.goto("/account/replies");
  const empty = page.getByTestId("replies-empty");
  await expect(empty).toContainText("No replies yet");
  await expect(empty).toContainText("#addtocart for the United States store");
  await expect(empty).toContainText("#addtobasket for the United Kingdom store");
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await expect(page.getByRole("button", { name: "Delete my reply history" })).toHaveCount(0);
});

test("older replies are a page away", async ({ page }) => {
  const email = uniqueEmail("chatty");
  await signInByEmail(page, email);
  const me = await userId(email);
  for (let i = 0; i < 22; i += 1)
    await seedReply(me, { outcome: "OUT_OF_STOCK", text: `#addtocart reply ${i}`, minutesAgo: i });
  await page.goto("/account/replies");
  await expect(entries(page)).toHaveCount(20);
  await expect(entries(page).first()).toContainText("reply 0");
  await page.getByRole("link", { name: "Show older replies" }).click();
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).last()).toContainText("reply 21");
  await expect(page.getByRole("link", { name: "Show older replies" })).toHaveCount(0);
});

test("deleting the reply history asks first, then forgets the text but keeps the outcome", async ({
  page,
}) => {
  const email = uniqueEmail("private");
  await signInByEmail(page, email);
  const me = await userId(email);
  const tweetId = await seedReply(me, { outcome: "ADDED", text: "#addtocart my private words" });
  await page.goto("/account/replies");

  await page.getByRole("button", { name: "Delete my reply history" }).click();
  const dialog = page.getByRole("dialog", { name: /Delete the text of all your replies/ });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("my private words")).toBeVisible();

  await page.getByRole("button", { name: "Delete my reply history" }).click();
  await dialog.getByRole("button", { name: "Delete history" }).click();
  await expect(page.getByRole("status")).toContainText("Your reply history is deleted");
  await expect(page.getByText("my private words")).toHaveCount(0);
  await expect(entries(page)).toContainText(["you deleted your reply history"]);
  await expect(entries(page)).toContainText(["Added to your cart"]);
  const [row] = await queryE2eDatabase<{ text: string | null; raw: unknown; outcome: string }>(
    `SELECT text, raw, outcome FROM "TweetEvent" WHERE "tweetId" = $1`,
    [tweetId],
  );
  expect(row).toEqual({ text: null, raw: null, outcome: "ADDED" });
});

test("My replies sends a signed-out visitor to sign in, with itself as the callback", async ({
  page,
}) => {
  await page.goto("/account/replies");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(\/|%2F)account(\/|%2F)replies$/);
});

test("a product page links to its latest post on X, or says why there is none", async ({
  page,
}) => {
  // Specs that run before this one may have posted the whole catalog (npm start's first start).
  await queryE2eDatabase(`DELETE FROM "ProductTweet" WHERE "productId" = 'uk-tea-mug'`);
  await page.goto("/p/uk-tea-mug");
  await expect(page.getByTestId("product-post-missing")).toContainText("haven't posted");
  const tweetId = String(nextTweet++);
  await queryE2eDatabase(
    `INSERT INTO "ProductTweet" ("tweetId", "productId", "postedAt") VALUES ($1, 'uk-tea-mug', now())`,
    [tweetId],
  );
  await page.reload();
  const reply = page.getByRole("region", { name: "Buy it with a reply" });
  await expect(reply).toContainText("#addtobasket");
  await expect(reply).toContainText("waits in your basket");
  await expect(reply.getByRole("link", { name: "Reply to this post on X" })).toHaveAttribute(
    "href",
    `${SIM_UI}#post-${tweetId}`,
  );

  await page.goto("/p/us-trail-sneaker");
  await expect(page.getByRole("region", { name: "Not available by reply" })).toContainText(
    "out of stock",
  );
  await expect(page.getByRole("link", { name: "Reply to this post on X" })).toHaveCount(0);
  await page.goto("/p/us-gift-card");
  await expect(page.getByRole("region", { name: "Not available by reply" })).toContainText(
    "sold on the website only",
  );
});

test("/account's note on earlier replies comes from the link itself, not from past claims", async ({
  page,
}) => {
  // The note is said once, by the link that claimed (reply-to-cart.spec.ts); claims found in
  // the database on a later visit, however recent, bring it back no more.
  const email = uniqueEmail("claimer");
  await signInByEmail(page, email);
  await expect(page.getByRole("link", { name: "My replies" }).first()).toBeVisible();
  await queryE2eDatabase(
    `INSERT INTO "PendingAdd" (id, "xUserId", "productId", quantity, "sourceTweetId", status,
       "expiresAt", "settledAt", "claimedById")
     VALUES ($1, 'x-claimer', 'us-organic-tee', 2, $2, 'CLAIMED', now() + interval '7 days',
       now() - interval '1 minute', $3)`,
    [rowId(), String(nextTweet++), await userId(email)],
  );
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(/from your replies (is|are) now in your cart/)).toHaveCount(0);
});
