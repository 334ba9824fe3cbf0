import type { SimPost, SimState } from "../state/types";
import { extractEntities } from "./entities";
import { findUserByName } from "./render-user";

// Renders stored posts as X API v2 objects: the default fields (id, text,
// edit_history_tweet_ids) plus whatever tweet.fields asks for.

const EDIT_WINDOW_MS = 3_600_000;
const MAX_EDITS = 5;

export function referencedTweets(post: SimPost) {
  const refs: Array<{ type: "replied_to" | "quoted" | "retweeted"; id: string }> = [];
  if (post.inReplyToTweetId) refs.push({ type: "replied_to", id: post.inReplyToTweetId });
  if (post.quotedTweetId) refs.push({ type: "quoted", id: post.quotedTweetId });
  if (post.retweetedTweetId) refs.push({ type: "retweeted", id: post.retweetedTweetId });
  return refs;
}

export function postEntities(post: SimPost, state: SimState) {
  const raw = extractEntities(post.text, post.links);
  const entities: Record<string, unknown> = {};
  if (raw.hashtags.length) entities.hashtags = raw.hashtags;
  if (raw.urls.length) entities.urls = raw.urls;
  if (raw.mentions.length) {
    entities.mentions = raw.mentions.map((m) => {
      const user = findUserByName(state, m.username);
      return user ? { ...m, id: user.id } : m;
    });
  }
  return entities;
}

export function renderPost(
  post: SimPost,
  state: SimState,
  fields: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: post.id,
    text: post.text,
    edit_history_tweet_ids: post.editHistory,
  };
  const want = new Set(fields);
  if (want.has("author_id")) out.author_id = post.authorId;
  if (want.has("created_at")) out.created_at = post.createdAt;
  if (want.has("conversation_id")) out.conversation_id = post.conversationId;
  if (want.has("in_reply_to_user_id") && post.inReplyToUserId) {
    out.in_reply_to_user_id = post.inReplyToUserId;
  }
  const refs = referencedTweets(post);
  if (want.has("referenced_tweets") && refs.length) out.referenced_tweets = refs;
  if (want.has("entities")) {
    const entities = postEntities(post, state);
    if (Object.keys(entities).length) out.entities = entities;
  }
  if (want.has("display_text_range")) {
    out.display_text_range = [post.displayStart, Array.from(post.text).length];
  }
  if (want.has("lang")) out.lang = "en";
  if (want.has("possibly_sensitive")) out.possibly_sensitive = false;
  if (want.has("reply_settings")) out.reply_settings = "everyone";
  if (want.has("source")) out.source = "replycart simulator";
  if (want.has("public_metrics")) out.public_metrics = publicMetrics(post, state);
  if (want.has("edit_controls")) out.edit_controls = editControls(post);
  return out;
}

function publicMetrics(post: SimPost, state: SimState) {
  const live = state.posts.filter((p) => !p.deleted && !p.supersededBy);
  const count = (pred: (p: SimPost) => boolean) => live.filter(pred).length;
  const retweets = count((p) => p.retweetedTweetId === post.id);
  return {
    retweet_count: retweets,
    // X's OpenAPI file names it repost_count; the wire still says retweet_count. Send both.
    repost_count: retweets,
    reply_count: count((p) => p.inReplyToTweetId === post.id),
    like_count: post.likedBy.length,
    quote_count: count((p) => p.quotedTweetId === post.id),
    bookmark_count: 0,
    impression_count: 0,
  };
}

export function editControls(post: SimPost) {
  const editableUntil = new Date(Date.parse(post.createdAt) + EDIT_WINDOW_MS);
  const remaining = Math.max(0, MAX_EDITS - (post.editHistory.length - 1));
  return {
    edits_remaining: remaining,
    is_edit_eligible: remaining > 0 && Date.now() < editableUntil.getTime(),
    editable_until: editableUntil.toISOString(),
  };
}
