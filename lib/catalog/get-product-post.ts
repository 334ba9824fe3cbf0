import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { db as appDb } from "@/lib/database/db";

/**
 * The shop's latest post about a product, to reply to, with the brand's handle for its link
 * (null when no brand is connected now); null when the product was never posted.
 */
export async function getProductPost(
  productId: string,
  db: Pick<PrismaClient, "productTweet" | "account"> = appDb,
): Promise<{ tweetId: string; username: string | null } | null> {
  const [post, brand] = await Promise.all([
    db.productTweet.findFirst({
      where: { productId },
      orderBy: { postedAt: "desc" },
      select: { tweetId: true },
    }),
    db.account.findFirst({ where: { provider: BRAND_PROVIDER_ID }, select: { username: true } }),
  ]);
  return post && { tweetId: post.tweetId, username: brand?.username ?? null };
}
