import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { aboutBlank, invalidRequest, problemResponse, PROBLEM_BASE } from "../http/problems";
import { readJson } from "../http/route";
import { nextId } from "../state/ids";
import type { ActivitySubscription } from "../state/types";
import { XAA_EVENT_TYPES } from "./xaa-events";

// X Activity API subscriptions. Private events (replies, mentions) need the filtered user's
// own OAuth 2.0 token with tweet.read; public ones (post.create, post.delete) any app token.

const PRIVATE_EVENTS = new Set(["post.reply.create", "post.mention.create"]);
const SUBSCRIPTION_LIMIT = 50;

export function subscriptionJson(s: ActivitySubscription) {
  const out: Record<string, unknown> = {
    created_at: s.createdAt,
    event_type: s.eventType,
    filter: s.filter,
    subscription_id: s.id,
  };
  if (s.tag) out.tag = s.tag;
  out.updated_at = s.updatedAt;
  if (s.webhookId) out.webhook_id = s.webhookId;
  return out;
}

export const bad = (c: Context, message: string) =>
  problemResponse(
    c,
    400,
    invalidRequest("One or more parameters to your request was invalid.", [
      { parameters: {}, message },
    ]),
  );

// POST /2/activity/subscriptions
export async function createSubscription(c: Context, auth: AuthInfo, sim: SimContext) {
  const body = await readJson(c);
  if (!body) return bad(c, "Request body is not valid JSON.");
  const eventType = String(body.event_type ?? "");
  if (!(XAA_EVENT_TYPES as readonly string[]).includes(eventType)) {
    return bad(
      c,
      `$.event_type: [${eventType}] is not a supported event type (${XAA_EVENT_TYPES.join(", ")})`,
    );
  }
  const filter = (body.filter ?? {}) as ActivitySubscription["filter"];
  const userId = filter.user_id;
  if (
    eventType !== "oauth.revoke" &&
    (typeof userId !== "string" || !/^[0-9]{1,19}$/.test(userId))
  ) {
    return bad(c, "$.filter.user_id: is missing but it is required");
  }
  const state = sim.store.state;
  if (userId && !state.users.some((u) => u.id === userId)) {
    return bad(c, `$.filter.user_id: user [${userId}] does not exist`);
  }
  if (PRIVATE_EVENTS.has(eventType)) {
    const denied = {
      title: "Forbidden",
      type: `${PROBLEM_BASE}not-authorized-for-resource`,
      resource_type: "user",
      resource_id: userId,
      status: 403,
    };
    if (auth.kind !== "user" || auth.user.id !== userId) {
      return problemResponse(c, 403, {
        ...denied,
        detail: `${eventType} is a private event: it needs the OAuth 2.0 user token of user ${userId}.`,
      });
    }
    if (!auth.scopes.includes("tweet.read"))
      return problemResponse(c, 403, aboutBlank(403, "Forbidden"));
  }
  const webhookId = body.webhook_id === undefined ? undefined : String(body.webhook_id);
  if (
    webhookId &&
    !state.webhooks.some((w) => w.id === webhookId && w.clientId === auth.app.clientId)
  ) {
    return bad(c, `$.webhook_id: webhook [${webhookId}] was not found for this app`);
  }
  const own = state.activitySubscriptions.filter((s) => s.clientId === auth.app.clientId);
  const same = own.find(
    (s) => s.eventType === eventType && s.filter.user_id === userId && s.webhookId === webhookId,
  );
  if (same)
    return bad(
      c,
      `DuplicateSubscription: subscription ${same.id} already delivers ${eventType} for this filter`,
    );
  if (own.length >= SUBSCRIPTION_LIMIT)
    return bad(c, `SubscriptionLimitExceeded: at most ${SUBSCRIPTION_LIMIT} subscriptions`);
  const now = new Date(sim.now()).toISOString();
  const subscription: ActivitySubscription = {
    id: nextId(state, sim.now()),
    clientId: auth.app.clientId,
    eventType,
    filter: userId ? { user_id: userId } : {},
    webhookId,
    tag: typeof body.tag === "string" && body.tag ? body.tag : undefined,
    createdAt: now,
    updatedAt: now,
  };
  state.activitySubscriptions.push(subscription);
  sim.store.changed();
  return c.json({ data: { subscription: subscriptionJson(subscription) } });
}
