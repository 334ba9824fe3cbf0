import { extractEntities, type PostEntities } from "../posts/entities";
import type { SimPost, SimState, SimUser } from "../state/types";

// Account Activity deliveries use v1.1 objects: numeric ids too large for a JS double (sent
// as raw JSON numbers beside their *_str twins) and 140-character compatibility text with
// the rest in extended_tweet.

const INT64 = "\u0000int64:";
const COMPAT_LENGTH = 140;

/** Marks a decimal id to be written as a bare JSON number. */
export function int64(id: string | undefined | null): string | null {
  return id ? `${INT64}${id}` : null;
}

/** JSON.stringify, with int64() markers turned into unquoted numbers. */
export function stringifyV1(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000int64:(\d+)"/g, "$1");
}

export function twitterDate(iso: string): string {
  const d = new Date(iso);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} +0000 ${d.getUTCFullYear()}`;
}

export function v1User(user: SimUser) {
  return {
    id: int64(user.id),
    id_str: user.id,
    name: user.name,
    screen_name: user.username,
    location: null,
    url: null,
    description: user.description,
    protected: user.protected,
    verified: false,
    followers_count: 0,
    friends_count: 0,
    created_at: twitterDate(user.createdAt),
    // No profile_image_url_https: the demo loads nothing from X's CDN (see render-user.ts).
    default_profile_image: true,
  };
}

function v1Entities(entities: PostEntities, state: SimState) {
  return {
    hashtags: entities.hashtags.map((h) => ({ text: h.tag, indices: [h.start, h.end] })),
    urls: entities.urls.map((u) => ({
      url: u.url,
      expanded_url: u.expanded_url,
      display_url: u.display_url,
      indices: [u.start, u.end],
    })),
    user_mentions: entities.mentions.flatMap((m) => {
      const user = state.users.find((u) => u.username.toLowerCase() === m.username.toLowerCase());
      return user
        ? [
            {
              screen_name: user.username,
              name: user.name,
              id: int64(user.id),
              id_str: user.id,
              indices: [m.start, m.end],
            },
          ]
        : [];
    }),
    symbols: [],
  };
}

export function v1Tweet(post: SimPost, state: SimState) {
  const author = state.users.find((u) => u.id === post.authorId)!;
  const parentAuthor = state.users.find((u) => u.id === post.inReplyToUserId);
  const chars = Array.from(post.text);
  const full = extractEntities(post.text, post.links);
  const truncated = chars.length > COMPAT_LENGTH;
  const selfLink = `https://t.co/${post.id.slice(-10)}`;
  // Compatibility mode: cut the text, add a link to the post, keep only the entities that fit.
  const shortText = truncated
    ? `${chars.slice(0, COMPAT_LENGTH - 25).join("")}… ${selfLink}`
    : post.text;
  const cut = COMPAT_LENGTH - 25;
  const shortEntities: PostEntities = truncated
    ? {
        hashtags: full.hashtags.filter((h) => h.end <= cut),
        mentions: full.mentions.filter((m) => m.end <= cut),
        urls: [
          ...full.urls.filter((u) => u.end <= cut),
          {
            url: selfLink,
            start: cut + 2,
            end: cut + 2 + selfLink.length,
            expanded_url: `https://twitter.com/i/web/status/${post.id}`,
            display_url: "twitter.com/i/web/status/1…",
          },
        ],
      }
    : full;
  const tweet: Record<string, unknown> = {
    created_at: twitterDate(post.createdAt),
    id: int64(post.id),
    id_str: post.id,
    text: shortText,
    source: '<a href="https://github.com/replycart" rel="nofollow">replycart simulator</a>',
    truncated,
    in_reply_to_status_id: int64(post.inReplyToTweetId),
    in_reply_to_status_id_str: post.inReplyToTweetId ?? null,
    in_reply_to_user_id: int64(post.inReplyToUserId),
    in_reply_to_user_id_str: post.inReplyToUserId ?? null,
    in_reply_to_screen_name: parentAuthor?.username ?? null,
    user: v1User(author),
    geo: null,
    coordinates: null,
    place: null,
    contributors: null,
    is_quote_status: !!post.quotedTweetId,
    quote_count: 0,
    reply_count: 0,
    retweet_count: 0,
    favorite_count: post.likedBy.length,
    entities: v1Entities(shortEntities, state),
    favorited: false,
    retweeted: false,
    filter_level: "low",
    lang: "en",
    timestamp_ms: String(Date.parse(post.createdAt)),
  };
  if (post.quotedTweetId) tweet.quoted_status_id_str = post.quotedTweetId;
  if (!truncated && post.displayStart > 0)
    tweet.display_text_range = [post.displayStart, chars.length];
  if (truncated) {
    tweet.extended_tweet = {
      full_text: post.text,
      display_text_range: [post.displayStart, chars.length],
      entities: v1Entities(full, state),
    };
  }
  return tweet;
}
