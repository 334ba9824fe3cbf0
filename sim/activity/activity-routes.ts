import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { invalidParameter, problemResponse, PROBLEM_BASE } from "../http/problems";
import { MIN15 } from "../http/rate-limit";
import { readJson, type ApiRoute } from "../http/route";
import { bad, createSubscription, subscriptionJson } from "./create-subscription";

// X Activity API subscription management: list, update, delete (by id and by ids).

function listSubscriptions(c: Context, auth: AuthInfo, sim: SimContext) {
  const max = c.req.query("max_results");
  if (max !== undefined && !(/^\d+$/.test(max) && Number(max) >= 1 && Number(max) <= 1000)) {
    return invalidParameter(
      c,
      "max_results",
      max,
      `The \`max_results\` query parameter value [${max}] is not between 1 and 1000`,
    );
  }
  const own = sim.store.state.activitySubscriptions.filter((s) => s.clientId === auth.app.clientId);
  return c.json({ data: own.map(subscriptionJson) });
}

function removeById(c: Context, auth: AuthInfo, sim: SimContext) {
  const id = c.req.param("subscription_id") ?? "";
  const state = sim.store.state;
  const found = state.activitySubscriptions.find(
    (s) => s.id === id && s.clientId === auth.app.clientId,
  );
  if (!found) {
    return problemResponse(c, 404, {
      title: "Not Found Error",
      detail: `Could not find subscription with id: [${id}].`,
      type: `${PROBLEM_BASE}resource-not-found`,
      resource_type: "subscription",
      resource_id: id,
      parameter: "subscription_id",
      value: id,
      status: 404,
    });
  }
  state.activitySubscriptions = state.activitySubscriptions.filter((s) => s !== found);
  sim.store.changed();
  return c.json({ data: { deleted: true } });
}

function removeByIds(c: Context, auth: AuthInfo, sim: SimContext) {
  const raw = c.req.query("ids") ?? "";
  const ids = raw.split(",").filter(Boolean);
  if (!ids.length || ids.length > 100 || ids.some((id) => !/^[0-9]{1,19}$/.test(id))) {
    return invalidParameter(
      c,
      "ids",
      raw,
      "The `ids` query parameter must hold 1 to 100 numeric ids",
    );
  }
  const state = sim.store.state;
  const data: Array<{ subscription_id: string; deleted: boolean }> = [];
  const errors: Array<{ subscription_id: string; reason: string; message: string }> = [];
  for (const id of ids) {
    const found = state.activitySubscriptions.find(
      (s) => s.id === id && s.clientId === auth.app.clientId,
    );
    if (found) {
      state.activitySubscriptions = state.activitySubscriptions.filter((s) => s !== found);
      data.push({ subscription_id: id, deleted: true });
    } else {
      errors.push({
        subscription_id: id,
        reason: "SubscriptionNotFound",
        message: `Subscription ${id} was not found.`,
      });
    }
  }
  sim.store.changed();
  const total = state.activitySubscriptions.filter((s) => s.clientId === auth.app.clientId).length;
  return c.json({
    data,
    ...(errors.length ? { errors } : {}),
    meta: { total_subscriptions: total },
  });
}

async function updateSubscription(c: Context, auth: AuthInfo, sim: SimContext) {
  const id = c.req.param("subscription_id") ?? "";
  const state = sim.store.state;
  const found = state.activitySubscriptions.find(
    (s) => s.id === id && s.clientId === auth.app.clientId,
  );
  if (!found) return bad(c, `Subscription ${id} was not found.`);
  const body = (await readJson(c)) ?? {};
  if (typeof body.webhook_id === "string") {
    if (!state.webhooks.some((w) => w.id === body.webhook_id && w.clientId === auth.app.clientId)) {
      return bad(c, `$.webhook_id: webhook [${body.webhook_id}] was not found for this app`);
    }
    found.webhookId = body.webhook_id;
  }
  if (typeof body.tag === "string") found.tag = body.tag;
  found.updatedAt = new Date(sim.now()).toISOString();
  sim.store.changed();
  const total = state.activitySubscriptions.filter((s) => s.clientId === auth.app.clientId).length;
  return c.json({ data: { subscription: subscriptionJson(found), total_subscriptions: total } });
}

const limits = [{ per: "app" as const, limit: 500, windowMs: MIN15 }];
const path = "/2/activity/subscriptions";

export const activityRoutes: ApiRoute[] = [
  {
    id: "activity.create",
    method: "POST",
    path,
    openApiPath: path,
    auth: "either",
    scopes: [],
    limits,
    handle: createSubscription,
  },
  {
    id: "activity.list",
    method: "GET",
    path,
    openApiPath: path,
    auth: "either",
    scopes: ["like.read", "tweet.read"],
    limits,
    handle: listSubscriptions,
  },
  {
    id: "activity.deleteMany",
    method: "DELETE",
    path,
    openApiPath: path,
    auth: "app",
    limits,
    handle: removeByIds,
  },
  {
    id: "activity.delete",
    method: "DELETE",
    path: `${path}/:subscription_id`,
    openApiPath: `${path}/{subscription_id}`,
    auth: "app",
    limits,
    handle: removeById,
  },
  {
    id: "activity.update",
    method: "PUT",
    path: `${path}/:subscription_id`,
    openApiPath: `${path}/{subscription_id}`,
    auth: "app",
    limits,
    handle: updateSubscription,
  },
];
