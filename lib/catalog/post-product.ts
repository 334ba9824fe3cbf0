import { ApiResponseError } from "twitter-api-v2";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { formatMoney } from "@/lib/money";
import { withXAccount, XTokenError } from "@/lib/x/account-tokens";
import { describeXFailure } from "@/lib/x/describe-x-failure";
import { productPath } from "@/lib/catalog/product-id";
import { VARIANT_ORDER, sizesInStock, totalStock } from "@/lib/catalog/variant-stock";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { getEnv } from "@/lib/env";
import { postgresPacer, type BotReplyPacer } from "@/lib/outbox/pacing";
import { X_POST_MAX_LENGTH, xPostLength } from "@/lib/posts/x-post-length";

export class ProductPostError extends Error {
  override name = "ProductPostError";
}

/** The product's page on the shop: the link a product post carries and replies resolve. */
export const productUrl = (appUrl: string, productId: string) =>
  new URL(productPath(productId), appUrl).toString();

// A merchant's long title must leave room for the rest of the post.
const MAX_TITLE = 100;

export type ProductPostDraft = {
  product: { id: string; title: string; marketplaceCode: string };
  /** The post's text as the composer first shows it. */
  text: string;
};

/**
 * The product and the post it gets by default: its title, price, the store's hashtag and how to
 * reply with a quantity and size, and its link. Digital and out-of-stock products are refused:
 * a reply could not add them.
 */
export async function draftProductPost(
  db: PrismaClient,
  productId: string,
  appUrl: string,
): Promise<ProductPostDraft> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      title: true,
      active: true,
      digital: true,
      priceMinor: true,
      marketplace: { select: { code: true, currency: true, hashtags: true, cartWord: true } },
      variants: { orderBy: VARIANT_ORDER, select: { name: true, stock: true } },
      _count: { select: { tweets: true } },
    },
  });
  if (!product || !product.active) throw new ProductPostError("No such product.");
  if (product.digital) throw new ProductPostError("Digital products cannot be added by reply.");
  if (totalStock(product.variants) <= 0) throw new ProductPostError("The product is out of stock.");
  // The example size is one a reply can add now.
  const [exampleSize] = sizesInStock(product.variants);
  const { marketplace } = product;
  const hashtag = marketplace.hashtags[0];
  const title =
    product.title.length > MAX_TITLE
      ? `${product.title.slice(0, MAX_TITLE - 1).trimEnd()}…`
      : product.title;
  // X refuses the same text twice from one account: a repeat post says which one it is.
  const repeat = product._count.tweets ? ` (post ${product._count.tweets + 1})` : "";
  const text =
    `${title}, ${formatMoney(product.priceMinor, marketplace.currency)}. ` +
    `Reply #${hashtag} to put it in your ${marketplace.cartWord}: ` +
    `"#${hashtag} 2${exampleSize ? ` size ${exampleSize}` : ""}" adds 2.${repeat} ` +
    productUrl(appUrl, product.id);
  return {
    product: { id: product.id, title: product.title, marketplaceCode: marketplace.code },
    text,
  };
}

/** The brand's posting budget: the outbox's pacer, shared with the bot's answers. */
export const brandPostPacer = (): BotReplyPacer => {
  const env = getEnv();
  return postgresPacer(env.BOT_REPLIES_PER_15_MINUTES, {
    nonAddedPercent: env.BOT_NON_ADDED_SHARE_PERCENT,
  });
};

export type PostProductOptions = {
  /** The merchant's text from the composer; the draft's when absent. */
  text?: string;
  /** Who posts it, for the audit log; null for the server itself (the demo's first start). */
  actor?: AuditActor | null;
  pacer?: BotReplyPacer;
};

/**
 * "Post this product on X": the brand account posts the product, and the post is recorded as a
 * ProductTweet (with its audit event), so replies to it resolve without a lookup at X. The post
 * takes its turn from the brand's posting budget (X's 100 posts per 15 minutes), which the
 * bot's answers share; with none left it is refused rather than queued.
 */
export async function postProductOnX(
  db: PrismaClient,
  productId: string,
  appUrl: string,
  options: PostProductOptions = {},
): Promise<{ tweetId: string; audit: AuditReceipt }> {
  const draft = await draftProductPost(db, productId, appUrl);
  const text = (options.text ?? draft.text).trim();
  if (!text) throw new ProductPostError("Write the post's text.");
  if (xPostLength(text) > X_POST_MAX_LENGTH)
    throw new ProductPostError(
      `The post is ${xPostLength(text)} characters as X counts them; X allows ${X_POST_MAX_LENGTH}.`,
    );
  const brand = await db.account.findFirst({
    where: { provider: BRAND_PROVIDER_ID, tokenError: null },
    select: { id: true, providerAccountId: true },
  });
  if (!brand) throw new ProductPostError("Connect the brand account on /admin/x first.");
  const pacer = options.pacer ?? brandPostPacer();
  // A post by the brand spends the budget as an added answer does (the main share).
  const turn = await pacer.take(brand.providerAccountId, "ADDED");
  if (turn.waitMs > 0)
    throw new ProductPostError(
      `The brand has used X's posting limit for now: try again in ${Math.ceil(turn.waitMs / 60_000)} min.`,
    );
  const tweetId = await withXAccount(
    brand.id,
    async (client) => (await client.v2.tweet(text)).data.id,
    { db },
  ).catch(async (failure: unknown) => {
    if (failure instanceof XTokenError)
      throw new ProductPostError("X did not accept the brand account's token: reconnect it.");
    if (failure instanceof ApiResponseError && failure.code === 429) {
      const reset = failure.rateLimit?.reset;
      await pacer.pauseUntil(
        brand.providerAccountId,
        reset ? new Date(reset * 1000) : new Date(Date.now() + 60_000),
      );
      throw new ProductPostError("X says the brand is posting too often: try again later.");
    }
    if (failure instanceof ApiResponseError && failure.code === 403)
      throw new ProductPostError(
        "X refused the post (the same text as an earlier post is refused): change the text.",
      );
    throw new ProductPostError(`The post could not be sent: ${describeXFailure(failure)}.`);
  });
  const audit = await db.$transaction(async (tx) => {
    await tx.productTweet.create({ data: { tweetId, productId, text } });
    return recordAudit(tx, {
      actor: options.actor ?? null,
      action: "post.create",
      subject: { type: "ProductTweet", id: tweetId },
      after: { productId, text },
    });
  });
  return { tweetId, audit };
}
