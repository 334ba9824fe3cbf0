import { extractEntities } from "../posts/entities";
import type { AaaSubscription, SimPost, SimState, SimUser, StoredApp } from "../state/types";
import { stringifyV1, v1Tweet, v1User } from "./v1-payloads";

// Which Account Activity deliveries an event produces: everything that touches a subscribed
// account (its own posts, replies to it, mentions of it, likes of its posts, revokes).

export interface AaaDelivery {
  subscription: AaaSubscription;
  eventType: string;
  body: string;
}

function touches(post: SimPost, user: SimUser, state: SimState): boolean {
  if (post.authorId === user.id || post.inReplyToUserId === user.id) return true;
  const quoted = state.posts.find((p) => p.id === post.quotedTweetId);
  if (quoted?.authorId === user.id) return true;
  return extractEntities(post.text, post.links).mentions.some(
    (m) => m.username.toLowerCase() === user.username.toLowerCase(),
  );
}

function each(state: SimState, build: (sub: AaaSubscription, user: SimUser) => AaaDelivery | null) {
  const out: AaaDelivery[] = [];
  for (const sub of state.aaaSubscriptions) {
    const user = state.users.find((u) => u.id === sub.userId);
    const delivery = user && build(sub, user);
    if (delivery) out.push(delivery);
  }
  return out;
}

export function aaaForCreate(state: SimState, post: SimPost): AaaDelivery[] {
  const author = state.users.find((u) => u.id === post.authorId);
  if (!author) return [];
  return each(state, (sub, user) => {
    if (!touches(post, user, state)) return null;
    if (author.protected && author.id !== user.id) return null;
    const body: Record<string, unknown> = { for_user_id: user.id };
    if (post.authorId !== user.id) body.user_has_blocked = false;
    body.tweet_create_events = [v1Tweet(post, state)];
    return { subscription: sub, eventType: "tweet_create_events", body: stringifyV1(body) };
  });
}

export function aaaForDelete(state: SimState, post: SimPost, now: number): AaaDelivery[] {
  return each(state, (sub, user) =>
    post.authorId !== user.id
      ? null
      : {
          subscription: sub,
          eventType: "tweet_delete_events",
          body: stringifyV1({
            for_user_id: user.id,
            tweet_delete_events: [
              { status: { id: post.id, user_id: post.authorId }, timestamp_ms: String(now) },
            ],
          }),
        },
  );
}

export function aaaForLike(
  state: SimState,
  post: SimPost,
  liker: SimUser,
  now: number,
): AaaDelivery[] {
  return each(state, (sub, user) => {
    if (post.authorId !== user.id && liker.id !== user.id) return null;
    const event = {
      id: `${now.toString(16)}${liker.id.slice(-6)}`,
      created_at: new Date(now).toISOString(),
      timestamp_ms: now,
      favorited_status: v1Tweet(post, state),
      user: v1User(liker),
    };
    return {
      subscription: sub,
      eventType: "favorite_events",
      body: stringifyV1({ for_user_id: user.id, favorite_events: [event] }),
    };
  });
}

export function aaaForRevoke(
  state: SimState,
  user: SimUser,
  app: StoredApp,
  at: Date,
): AaaDelivery[] {
  return each(state, (sub, subscribed) =>
    subscribed.id !== user.id || sub.clientId !== app.clientId
      ? null
      : {
          subscription: sub,
          eventType: "user_event",
          body: JSON.stringify({
            user_event: {
              revoke: {
                date_time: at.toISOString().replace(/\.\d{3}Z$/, "+00:00"),
                target: { app_id: app.appId },
                source: { user_id: user.id },
              },
            },
          }),
        },
  );
}
