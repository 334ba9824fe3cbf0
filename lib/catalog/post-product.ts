import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { formatMoney } from "@/lib/money";
import { withXAccount } from "@/lib/x/account-tokens";
import { productPath } from "@/lib/catalog/product-id";
import { VARIANT_ORDER, sizesInStock, totalStock } from "@/lib/catalog/variant-stock";

export class ProductPostError extends Error {
  override name = "ProductPostError";
}

/** The product's page on the shop: the link a product post carries and replies resolve. */
export const productUrl = (appUrl: string, productId: string) =>
  new URL(productPath(productId), appUrl).toString();

/**
 * "Post this product on X": the brand account posts the product with its link and the hashtag
 * to reply with, and the post is recorded as a ProductTweet, so replies to it resolve without a
 * lookup at X. Digital and out-of-stock products are refused: a reply could not add them.
 */
export async function postProductOnX(
  db: PrismaClient,
  productId: string,
  appUrl: string,
): Promise<{ tweetId: string }> {
  const product = await db.product.findUnique({
    where: { id: productId },
    include: {
      marketplace: true,
      variants: { orderBy: VARIANT_ORDER, select: { name: true, stock: true } },
      _count: { select: { tweets: true } },
    },
  });
  if (!product || !product.active) throw new ProductPostError("No such product.");
  if (product.digital) throw new ProductPostError("Digital products cannot be added by reply.");
  if (totalStock(product.variants) <= 0) throw new ProductPostError("The product is out of stock.");
  // The example size is one a reply can add now.
  const [exampleSize] = sizesInStock(product.variants);
  const brand = await db.account.findFirst({
    where: { provider: BRAND_PROVIDER_ID, tokenError: null },
    select: { id: true },
  });
  if (!brand) throw new ProductPostError("Connect the brand account on /admin/x first.");
  const { marketplace } = product;
  // X refuses the same text twice from one account: a repeat post says which one it is.
  const repeat = product._count.tweets ? ` (post ${product._count.tweets + 1})` : "";
  const text =
    `${product.title}, ${formatMoney(product.priceMinor, marketplace.currency)}. ` +
    `Reply #${marketplace.hashtags[0]} to put it in your ${marketplace.cartWord}` +
    `${exampleSize ? ` (add "size ${exampleSize}")` : ""}.${repeat} ` +
    productUrl(appUrl, product.id);
  const tweetId = await withXAccount(
    brand.id,
    async (client) => (await client.v2.tweet(text)).data.id,
    { db },
  );
  await db.productTweet.create({ data: { tweetId, productId: product.id } });
  return { tweetId };
}
