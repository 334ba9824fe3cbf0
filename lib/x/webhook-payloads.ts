import { z } from "zod";

// Every way X delivers a reply, read into one shape. Parsing is lenient on purpose: we read the
// fields we need and ignore the rest, because X adds fields and a rejected delivery is retried
// and eventually marks the webhook as failing. Only what we cannot use at all is "unused".

export type InboxSource = "XAA" | "STREAM_WEBHOOK" | "AAA";

/** One Post as the inbox keeps it, whatever the envelope. */
export type InboxPost = {
  /** The original id (first of the edit history): the pipeline's idempotency key. */
  tweetId: string;
  /** Every version id this delivery names, the original included. */
  versionIds: string[];
  latestTweetId: string;
  source: InboxSource;
  authorXId: string;
  authorUsername: string | null;
  inReplyToId: string | null;
  conversationId: string | null;
  postedAt: Date | null;
  text: string;
  /** The Post object exactly as X sent it (v2, or v1.1 for AAA). */
  raw: unknown;
};

export type Revoke = { xUserId: string; at: Date | null };

export type Delivery = {
  posts: InboxPost[];
  /** Ids of deleted Posts (any version). */
  deletedIds: string[];
  /** X users who revoked our app, and when X says they did (null when it does not say). */
  revokes: Revoke[];
  /** Event types we received but do not use, for the counter. */
  unused: string[];
};

const id = z.string().regex(/^\d{1,20}$/);
const optionalId = id.nullish().catch(null);
const date = z
  .string()
  .transform((value) => new Date(value))
  .refine((value) => !Number.isNaN(value.getTime()))
  .nullish()
  .catch(null);

const v2UserSchema = z.object({ id, username: z.string() });
// X sometimes wraps each user in {"data": {...}}.
const v2IncludedUser = z.union([v2UserSchema, z.object({ data: v2UserSchema })]);

const v2PostSchema = z.object({
  id,
  text: z.string().catch(""),
  author_id: id,
  conversation_id: optionalId,
  created_at: date,
  edit_history_tweet_ids: z.array(id).min(1).optional().catch(undefined),
  referenced_tweets: z
    .array(z.object({ type: z.string(), id }))
    .optional()
    .catch(undefined),
});

const v2IncludesSchema = z
  .object({ users: z.array(z.unknown()).optional().catch(undefined) })
  .nullish()
  .catch(null);

function includedUsername(includes: z.infer<typeof v2IncludesSchema>, authorId: string) {
  for (const entry of includes?.users ?? []) {
    const parsed = v2IncludedUser.safeParse(entry);
    if (!parsed.success) continue;
    const user = "data" in parsed.data ? parsed.data.data : parsed.data;
    if (user.id === authorId) return user.username;
  }
  return null;
}

/** A v2 Post (XAA payload or stream webhook) as an inbox post, or the reason it is unused. */
function fromV2(source: InboxSource, post: unknown, includes: unknown): InboxPost | string {
  const parsed = v2PostSchema.safeParse(post);
  if (!parsed.success) return "post without id or author";
  const { data } = parsed;
  const references = data.referenced_tweets ?? [];
  if (references.some((reference) => reference.type === "retweeted")) return "retweet";
  const versions = data.edit_history_tweet_ids ?? [data.id];
  return {
    tweetId: versions[0]!,
    versionIds: [...new Set([...versions, data.id])],
    // Oldest first: the last is the current version.
    latestTweetId: versions.at(-1) ?? data.id,
    source,
    authorXId: data.author_id,
    authorUsername: includedUsername(v2IncludesSchema.parse(includes), data.author_id),
    inReplyToId: references.find((reference) => reference.type === "replied_to")?.id ?? null,
    conversationId: data.conversation_id ?? null,
    postedAt: data.created_at ?? null,
    text: data.text,
    raw: post,
  };
}

const v1TweetSchema = z.object({
  // Never the numeric `id`: it does not fit in a double.
  id_str: id,
  text: z.string().catch(""),
  full_text: z.string().optional().catch(undefined),
  truncated: z.boolean().catch(false),
  extended_tweet: z.object({ full_text: z.string() }).optional().catch(undefined),
  created_at: z.string().optional().catch(undefined),
  in_reply_to_status_id_str: optionalId,
  user: z.object({ id_str: id, screen_name: z.string().nullish().catch(null) }),
  retweeted_status: z.unknown().optional(),
});

function fromV1(tweet: unknown): InboxPost | string {
  const parsed = v1TweetSchema.safeParse(tweet);
  if (!parsed.success) return "tweet without id or user";
  const { data } = parsed;
  if (data.retweeted_status !== undefined) return "retweet";
  // A truncated tweet carries its whole text (and the hashtag, maybe) only in extended_tweet.
  const text = (data.truncated && data.extended_tweet?.full_text) || data.full_text || data.text;
  const postedAt = data.created_at ? new Date(data.created_at) : null;
  return {
    tweetId: data.id_str,
    versionIds: [data.id_str],
    latestTweetId: data.id_str,
    source: "AAA",
    authorXId: data.user.id_str,
    authorUsername: data.user.screen_name ?? null,
    inReplyToId: data.in_reply_to_status_id_str ?? null,
    conversationId: null,
    postedAt: postedAt && !Number.isNaN(postedAt.getTime()) ? postedAt : null,
    text,
    raw: tweet,
  };
}

const emptyDelivery = (): Delivery => ({
  posts: [],
  deletedIds: [],
  revokes: [],
  unused: [],
});

function add(delivery: Delivery, post: InboxPost | string, eventType: string) {
  if (typeof post === "string") delivery.unused.push(`${eventType}: ${post}`);
  else delivery.posts.push(post);
}

const xaaSchema = z.object({
  data: z.object({
    event_type: z.string(),
    payload: z.unknown(),
    includes: z.unknown().optional(),
  }),
});

// Schemas are built once: zod compiles each on its first parse, which cost more than the parse.
const xaaPayloadSchema = z.record(z.string(), z.unknown()).catch({});

function fromXaa({ data }: z.infer<typeof xaaSchema>): Delivery {
  const delivery = emptyDelivery();
  const payload = xaaPayloadSchema.parse(data.payload);
  switch (data.event_type) {
    case "post.reply.create":
    case "post.mention.create":
      add(delivery, fromV2("XAA", data.payload, data.includes), data.event_type);
      break;
    case "post.delete": {
      const deleted = id.safeParse(payload.id);
      if (deleted.success) delivery.deletedIds.push(deleted.data);
      else delivery.unused.push("post.delete: no id");
      break;
    }
    case "oauth.revoke": {
      const user = id.safeParse(payload.user_id);
      if (user.success)
        delivery.revokes.push({ xUserId: user.data, at: date.parse(payload.date_time) ?? null });
      else delivery.unused.push("oauth.revoke: no user");
      break;
    }
    default:
      delivery.unused.push(data.event_type);
  }
  return delivery;
}

const aaaSchema = z.record(z.string(), z.unknown());
const AAA_KEYS = ["tweet_create_events", "tweet_delete_events", "user_event", "for_user_id"];
const aaaDeleteSchema = z.object({
  status: z.object({ id: id.optional(), id_str: id.optional() }),
});
const aaaRevokeSchema = z.object({
  user_event: z.object({
    revoke: z.object({ date_time: date, source: z.object({ user_id: id }) }),
  }),
});

function fromAaa(body: Record<string, unknown>): Delivery {
  const delivery = emptyDelivery();
  const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : []);
  for (const tweet of list(body.tweet_create_events))
    add(delivery, fromV1(tweet), "tweet_create_events");
  for (const event of list(body.tweet_delete_events)) {
    const status = aaaDeleteSchema.safeParse(event);
    const deleted = status.success ? (status.data.status.id_str ?? status.data.status.id) : null;
    if (deleted) delivery.deletedIds.push(deleted);
    else delivery.unused.push("tweet_delete_events: no id");
  }
  const revoke = aaaRevokeSchema.safeParse(body);
  if (revoke.success) {
    const { date_time: at, source } = revoke.data.user_event.revoke;
    delivery.revokes.push({ xUserId: source.user_id, at: at ?? null });
  }
  for (const key of Object.keys(body))
    if (key.endsWith("_events") && !AAA_KEYS.includes(key)) delivery.unused.push(key);
  if (body.user_event !== undefined && !revoke.success) delivery.unused.push("user_event");
  return delivery;
}

// A filtered-stream webhook delivers the v2 Post itself: {data, includes, matching_rules}.
const streamSchema = z.object({
  data: z.object({ id: z.unknown() }).loose(),
  includes: z.unknown().optional(),
});

/** Reads any signed delivery's JSON into posts, deletes, revokes and unused event types. */
export function readDelivery(body: unknown): Delivery {
  const xaa = xaaSchema.safeParse(body);
  if (xaa.success) return fromXaa(xaa.data);
  const stream = streamSchema.safeParse(body);
  if (stream.success) {
    const delivery = emptyDelivery();
    add(delivery, fromV2("STREAM_WEBHOOK", stream.data.data, stream.data.includes), "stream");
    return delivery;
  }
  const aaa = aaaSchema.safeParse(body);
  if (
    aaa.success &&
    Object.keys(aaa.data).some((key) => key.endsWith("_events") || key === "user_event")
  )
    return fromAaa(aaa.data);
  return { ...emptyDelivery(), unused: ["unknown delivery"] };
}
