import type { MatchablePost } from "../api/search-query";
import type { SimPost, SimState } from "../state/types";
import { extractEntities } from "./entities";

/** The facts the query matcher looks at, read off a stored post. */
export function toMatchable(post: SimPost, state: SimState): MatchablePost {
  const entities = extractEntities(post.text, post.links);
  const userName = (id?: string) => state.users.find((u) => u.id === id)?.username;
  return {
    text: post.text,
    hashtags: entities.hashtags.map((h) => h.tag),
    mentions: entities.mentions.map((m) => m.username),
    urls: entities.urls.flatMap((u) => [u.expanded_url, u.url]),
    authorUsername: userName(post.authorId) ?? "",
    authorId: post.authorId,
    inReplyToUsername: userName(post.inReplyToUserId),
    conversationId: post.conversationId,
    isReply: !!post.inReplyToTweetId,
    isRetweet: !!post.retweetedTweetId,
    isQuote: !!post.quotedTweetId,
  };
}
