import type { TweetSource } from "@/lib/generated/prisma/client";
import { matchMarketplaces, type HashtagMarket } from "./match-marketplaces";
import { parseQuantityAndSize } from "./parse-quantity-and-size";
import type { SizeRequest } from "./read-size-request";
import { postEntities } from "./post-entities";

export type ReplyRequest = {
  /** Marketplace codes whose hashtag the reply carries. */
  marketCodes: string[];
  quantity: number;
  /** What it says about sizes; resolveSize decides once the product is known. */
  size: SizeRequest;
  /** Links in the reply itself (expanded), the last place a product is looked for. */
  urls: string[];
};

export type StoredReply = {
  source: TweetSource;
  authorXId: string;
  text: string | null;
  raw: unknown;
};

/**
 * What a reply asks for, or null when it is none of ours: the brand's own posts, and posts
 * without a marketplace hashtag among X's hashtag entities. (Retweets never reach the inbox.)
 */
export function readReply(
  reply: StoredReply,
  markets: HashtagMarket[],
  brandXId: string | null,
): ReplyRequest | null {
  if (brandXId && reply.authorXId === brandXId) return null;
  const { hashtags, urls } = postEntities(reply.source, reply.raw);
  const marketCodes = matchMarketplaces(hashtags, markets);
  if (!marketCodes.length) return null;
  return { marketCodes, urls, ...parseQuantityAndSize(reply.text ?? "") };
}
