import { randomEventUuid } from "../crypto";
import { extractEntities } from "../posts/entities";
import { renderPost } from "../posts/post-view";
import { renderUser } from "../posts/render-user";
import type { ActivitySubscription, SimPost, SimState, StoredApp, SimUser } from "../state/types";

// X Activity API deliveries: the envelope, which subscriptions an event matches, and the
// quirks of the real thing (includes often {}, users sometimes wrapped in {data}, negative ids).

export const XAA_EVENT_TYPES = [
  "post.reply.create",
  "post.mention.create",
  "post.create",
  "post.delete",
  "oauth.revoke",
] as const;

const PAYLOAD_FIELDS = [
  "author_id",
  "conversation_id",
  "created_at",
  "display_text_range",
  "edit_controls",
  "entities",
  "in_reply_to_user_id",
  "lang",
  "possibly_sensitive",
  "public_metrics",
  "referenced_tweets",
  "reply_settings",
];

export interface XaaDelivery {
  subscription: ActivitySubscription;
  envelope: string;
}

function envelope(sub: ActivitySubscription, payload: unknown, includes: unknown): string {
  const data: Record<string, unknown> = {
    event_uuid: randomEventUuid(),
    filter: sub.filter,
    event_type: sub.eventType,
  };
  if (sub.tag) data.tag = sub.tag;
  data.payload = payload;
  data.includes = includes;
  return JSON.stringify({ data });
}

function postPayload(post: SimPost, state: SimState) {
  const payload = renderPost(post, state, PAYLOAD_FIELDS);
  // XAA payloads carry in_reply_to_tweet_id, which v2 lookups do not.
  if (post.inReplyToTweetId) payload.in_reply_to_tweet_id = post.inReplyToTweetId;
  return payload;
}

/** Explicit @mentions in the body; the automatic reply prefix does not count, as at X. */
function bodyMentions(post: SimPost): string[] {
  return extractEntities(post.text, post.links)
    .mentions.filter((m) => m.start >= post.displayStart)
    .map((m) => m.username.toLowerCase());
}

export function xaaForCreate(state: SimState, post: SimPost): XaaDelivery[] {
  const author = state.users.find((u) => u.id === post.authorId);
  if (!author || author.protected) return [];
  const parent = state.posts.find((p) => p.id === post.inReplyToTweetId);
  const out: XaaDelivery[] = [];
  for (const sub of state.activitySubscriptions) {
    const filtered = sub.filter.user_id;
    const user = state.users.find((u) => u.id === filtered);
    if (!user || !sub.webhookId) continue;
    if (sub.eventType === "post.create" && post.authorId === user.id) {
      out.push({ subscription: sub, envelope: envelope(sub, postPayload(post, state), {}) });
    }
    if (
      sub.eventType === "post.reply.create" &&
      parent &&
      post.authorId !== user.id &&
      parent.authorId === user.id &&
      !parent.inReplyToTweetId
    ) {
      out.push({ subscription: sub, envelope: envelope(sub, postPayload(post, state), {}) });
    }
    if (
      sub.eventType === "post.mention.create" &&
      post.authorId !== user.id &&
      bodyMentions(post).includes(user.username.toLowerCase())
    ) {
      const includes = {
        users: [renderUser(author, state, ["created_at", "description", "protected"])],
      };
      out.push({ subscription: sub, envelope: envelope(sub, postPayload(post, state), includes) });
    }
  }
  return out;
}

export function xaaForDelete(state: SimState, post: SimPost): XaaDelivery[] {
  const author = state.users.find((u) => u.id === post.authorId);
  if (!author || author.protected) return [];
  return state.activitySubscriptions
    .filter((s) => s.eventType === "post.delete" && s.filter.user_id === author.id && s.webhookId)
    .map((sub) => ({
      subscription: sub,
      envelope: envelope(
        sub,
        { id: post.id, author_id: author.id },
        // Real post.delete deliveries wrap each user in {"data": ...}.
        {
          users: [{ data: renderUser(author, state, ["created_at", "description", "protected"]) }],
        },
      ),
    }));
}

export function xaaForRevoke(
  state: SimState,
  user: SimUser,
  app: StoredApp,
  at: Date,
): XaaDelivery[] {
  return state.activitySubscriptions
    .filter(
      (s) =>
        s.eventType === "oauth.revoke" &&
        s.clientId === app.clientId &&
        s.webhookId &&
        (!s.filter.user_id || s.filter.user_id === user.id),
    )
    .map((sub) => ({
      subscription: sub,
      envelope: envelope(
        sub,
        { date_time: at.toISOString(), user_id: user.id, app_id: app.appId },
        {},
      ),
    }));
}
