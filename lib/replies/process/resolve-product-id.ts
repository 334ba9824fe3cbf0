import { ApiResponseError } from "twitter-api-v2";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { xAppClient } from "@/lib/x/client";
import { productIdFromUrl } from "@/lib/replies/parse/product-id-from-url";

export type ParentLookup = (tweetId: string) => Promise<{ urls: string[] } | null>;

/** `GET /2/tweets/:id` with the app's bearer token: the parent's expanded links, null if gone. */
export const lookUpParentAtX: ParentLookup = async (tweetId) => {
  const client = await xAppClient();
  try {
    const answer = await client.v2.singleTweet(tweetId, { "tweet.fields": ["entities"] });
    if (!answer.data) return null;
    return { urls: (answer.data.entities?.urls ?? []).flatMap((u) => u.expanded_url ?? []) };
  } catch (failure) {
    // Protected or gone: the answer will not change, so it is cached. Anything else (our
    // token, X down, rate limits) is retried by the job.
    if (failure instanceof ApiResponseError && (failure.code === 403 || failure.code === 404))
      return null;
    throw failure;
  }
};

/**
 * The product a reply is about: the brand post it answers (known from `ProductTweet`), else
 * the parent Post read from X once and cached in `ParentPost` (a billed read), else a product
 * link in the reply itself. Only the shop's own hosts count; no link is ever fetched.
 */
export async function resolveProductId(
  db: PrismaClient,
  reply: { inReplyToId: string | null; urls: string[] },
  shopHosts: string[],
  lookUp: ParentLookup = lookUpParentAtX,
): Promise<string | null> {
  const fromUrls = (urls: string[]) =>
    urls.map((url) => productIdFromUrl(url, shopHosts)).find((id) => id !== null) ?? null;
  const parentId = reply.inReplyToId;
  if (parentId) {
    const known = await db.productTweet.findUnique({ where: { tweetId: parentId } });
    if (known) return known.productId;
    let cached = await db.parentPost.findUnique({ where: { tweetId: parentId } });
    if (!cached) {
      const parent = await lookUp(parentId);
      const productId = parent ? fromUrls(parent.urls) : null;
      cached = await db.parentPost.upsert({
        where: { tweetId: parentId },
        create: { tweetId: parentId, productId },
        update: {},
      });
    }
    if (cached.productId) return cached.productId;
  }
  return fromUrls(reply.urls);
}
