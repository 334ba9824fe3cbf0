import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { problemResponse } from "../http/problems";
import { MIN15 } from "../http/rate-limit";
import type { ApiRoute } from "../http/route";
import { webhookFailure } from "../webhooks/webhook-failure";

// Account Activity API (v2 management paths, v1.1 deliveries): subscribe an account that
// authorised the app to one of the app's webhooks.

const PROVISIONED = 50;

function findWebhook(c: Context, auth: AuthInfo, sim: SimContext) {
  const id = c.req.param("webhook_id") ?? "";
  return sim.store.state.webhooks.find((w) => w.id === id && w.clientId === auth.app.clientId);
}

function webhookMissing(c: Context) {
  const id = c.req.param("webhook_id") ?? "";
  return problemResponse(
    c,
    400,
    webhookFailure(
      "WebhookIdInvalid",
      `Webhook ${id} was not found or is not associated with your app.`,
    ),
  );
}

function subscribe(c: Context, auth: AuthInfo, sim: SimContext) {
  const webhook = findWebhook(c, auth, sim);
  if (!webhook) return webhookMissing(c);
  if (auth.kind !== "user") return webhookMissing(c);
  const state = sim.store.state;
  if (state.aaaSubscriptions.some((s) => s.webhookId === webhook.id && s.userId === auth.user.id)) {
    return problemResponse(
      c,
      400,
      webhookFailure(
        "DuplicateSubscriptionFailed",
        `User ${auth.user.id} is already subscribed to webhook ${webhook.id}.`,
      ),
    );
  }
  if (
    state.aaaSubscriptions.filter((s) => s.clientId === auth.app.clientId).length >= PROVISIONED
  ) {
    return problemResponse(
      c,
      400,
      webhookFailure("SubscriptionLimitExceeded", `At most ${PROVISIONED} subscriptions.`),
    );
  }
  state.aaaSubscriptions.push({
    webhookId: webhook.id,
    clientId: auth.app.clientId,
    userId: auth.user.id,
    createdAt: new Date(sim.now()).toISOString(),
  });
  sim.store.changed();
  return c.json({ data: { subscribed: true } });
}

function checkSubscription(c: Context, auth: AuthInfo, sim: SimContext) {
  const webhook = findWebhook(c, auth, sim);
  if (!webhook || auth.kind !== "user") return webhookMissing(c);
  const subscribed = sim.store.state.aaaSubscriptions.some(
    (s) => s.webhookId === webhook.id && s.userId === auth.user.id,
  );
  return c.json({ data: { subscribed } });
}

function listSubscriptions(c: Context, auth: AuthInfo, sim: SimContext) {
  const webhook = findWebhook(c, auth, sim);
  if (!webhook) return webhookMissing(c);
  const subs = sim.store.state.aaaSubscriptions.filter((s) => s.webhookId === webhook.id);
  return c.json({
    data: {
      application_id: auth.app.appId,
      subscriptions: subs.map((s) => ({ user_id: s.userId })),
      webhook_id: webhook.id,
      webhook_url: webhook.url,
    },
  });
}

function unsubscribe(c: Context, auth: AuthInfo, sim: SimContext) {
  const webhook = findWebhook(c, auth, sim);
  if (!webhook) return webhookMissing(c);
  const userId = c.req.param("user_id") ?? "";
  const state = sim.store.state;
  state.aaaSubscriptions = state.aaaSubscriptions.filter(
    (s) => !(s.webhookId === webhook.id && s.userId === userId),
  );
  sim.store.changed();
  return c.json({ data: { subscribed: false } });
}

function countSubscriptions(c: Context, auth: AuthInfo, sim: SimContext) {
  const count = sim.store.state.aaaSubscriptions.filter(
    (s) => s.clientId === auth.app.clientId,
  ).length;
  return c.json({
    data: {
      account_name: auth.app.name,
      provisioned_count: String(PROVISIONED),
      subscriptions_count_all: String(count),
      subscriptions_count_direct_messages: "0",
    },
  });
}

const base = "/2/account_activity/webhooks";
const limits = [{ per: "app" as const, limit: 500, windowMs: MIN15 }];
// X's OpenAPI file asks user tokens for these four scopes on the subscription paths.
const AAA_SCOPES = ["dm.read", "dm.write", "tweet.read", "users.read"];

export const aaaRoutes: ApiRoute[] = [
  {
    id: "aaa.subscribe",
    method: "POST",
    path: `${base}/:webhook_id/subscriptions/all`,
    openApiPath: `${base}/{webhook_id}/subscriptions/all`,
    auth: "user",
    scopes: AAA_SCOPES,
    limits,
    handle: subscribe,
  },
  {
    id: "aaa.check",
    method: "GET",
    path: `${base}/:webhook_id/subscriptions/all`,
    openApiPath: `${base}/{webhook_id}/subscriptions/all`,
    auth: "user",
    scopes: AAA_SCOPES,
    limits,
    handle: checkSubscription,
  },
  {
    id: "aaa.list",
    method: "GET",
    path: `${base}/:webhook_id/subscriptions/all/list`,
    openApiPath: `${base}/{webhook_id}/subscriptions/all/list`,
    auth: "app",
    limits,
    handle: listSubscriptions,
  },
  {
    id: "aaa.unsubscribe",
    method: "DELETE",
    path: `${base}/:webhook_id/subscriptions/:user_id/all`,
    openApiPath: `${base}/{webhook_id}/subscriptions/{user_id}/all`,
    auth: "app",
    limits,
    handle: unsubscribe,
  },
  {
    id: "aaa.count",
    method: "GET",
    path: "/2/account_activity/subscriptions/count",
    openApiPath: "/2/account_activity/subscriptions/count",
    auth: "app",
    limits,
    handle: countSubscriptions,
  },
];
