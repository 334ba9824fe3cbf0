import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { invalidParameter, problemResponse } from "../http/problems";
import { webhookFailure } from "./webhook-failure";
import { MIN15 } from "../http/rate-limit";
import { readJson, type ApiRoute } from "../http/route";
import { nextId } from "../state/ids";
import type { Webhook } from "../state/types";
import { replayDeliveries } from "./replay";
import { webhookUrlProblem } from "./url-rules";

function webhookJson(w: Webhook) {
  return { created_at: w.createdAt, id: w.id, url: w.url, valid: w.valid };
}

function ownWebhook(c: Context, auth: AuthInfo, sim: SimContext): Webhook | Response {
  const id = c.req.param("webhook_id") ?? "";
  const webhook = sim.store.state.webhooks.find(
    (w) => w.id === id && w.clientId === auth.app.clientId,
  );
  return (
    webhook ??
    problemResponse(
      c,
      400,
      webhookFailure(
        "WebhookIdInvalid",
        `Webhook ${id} was not found or is not associated with your app.`,
      ),
    )
  );
}

async function createWebhook(c: Context, auth: AuthInfo, sim: SimContext) {
  const body = await readJson(c);
  const url = typeof body?.url === "string" ? body.url : "";
  if (!url)
    return problemResponse(
      c,
      400,
      webhookFailure("UrlValidationFailed", "The url field is required."),
    );
  const urlProblem = webhookUrlProblem(url);
  if (urlProblem) return problemResponse(c, 400, webhookFailure("UrlValidationFailed", urlProblem));
  const own = sim.store.state.webhooks.filter((w) => w.clientId === auth.app.clientId);
  if (own.some((w) => w.url === url)) {
    return problemResponse(
      c,
      400,
      webhookFailure(
        "DuplicateUrlFailed",
        "A webhook is already registered by your application for this URL.",
      ),
    );
  }
  if (own.length >= sim.options.webhookLimit) {
    return problemResponse(
      c,
      400,
      webhookFailure(
        "WebhookLimitExceeded",
        "Your application has reached the maximum number of allowed webhooks.",
      ),
    );
  }
  const state = sim.store.state;
  const id = nextId(state, sim.now());
  const crc = await sim.delivery.crc({ id, url, clientId: auth.app.clientId });
  if (!crc.ok) return problemResponse(c, 400, webhookFailure("CrcValidationFailed", crc.detail));
  const webhook: Webhook = {
    id,
    clientId: auth.app.clientId,
    url,
    valid: true,
    createdAt: new Date(sim.now()).toISOString(),
    lastValidatedAt: sim.now(),
  };
  state.webhooks.push(webhook);
  sim.store.changed();
  return c.json({ data: webhookJson(webhook) });
}

const WEBHOOK_FIELDS = ["created_at", "id", "url", "valid"];

function listWebhooks(c: Context, auth: AuthInfo, sim: SimContext) {
  const fields = (c.req.query("webhook_config.fields") ?? "").split(",").filter(Boolean);
  const bad = fields.find((f) => !WEBHOOK_FIELDS.includes(f));
  if (bad !== undefined) {
    return invalidParameter(
      c,
      "webhook_config.fields",
      bad,
      `The \`webhook_config.fields\` query parameter value [${bad}] is not one of [${WEBHOOK_FIELDS.join(",")}]`,
    );
  }
  const own = sim.store.state.webhooks.filter((w) => w.clientId === auth.app.clientId);
  return c.json({ data: own.map(webhookJson), meta: { result_count: own.length } });
}

async function validateWebhook(c: Context, auth: AuthInfo, sim: SimContext) {
  const webhook = ownWebhook(c, auth, sim);
  if (webhook instanceof Response) return webhook;
  const crc = await sim.delivery.crc(webhook);
  webhook.valid = crc.ok;
  if (crc.ok) webhook.lastValidatedAt = sim.now();
  sim.store.changed();
  if (!crc.ok) return problemResponse(c, 400, webhookFailure("CrcValidationFailed", crc.detail));
  return c.json({ data: { valid: true } });
}

function deleteWebhook(c: Context, auth: AuthInfo, sim: SimContext) {
  const webhook = ownWebhook(c, auth, sim);
  if (webhook instanceof Response) return webhook;
  const state = sim.store.state;
  state.webhooks = state.webhooks.filter((w) => w !== webhook);
  // Whatever delivered to it stops: XAA subscriptions, stream links, AAA subscriptions.
  state.activitySubscriptions = state.activitySubscriptions.filter(
    (s) => s.webhookId !== webhook.id,
  );
  state.streamLinks = state.streamLinks.filter((l) => l.webhookId !== webhook.id);
  state.aaaSubscriptions = state.aaaSubscriptions.filter((s) => s.webhookId !== webhook.id);
  sim.store.changed();
  return c.json({ data: { deleted: true } });
}

const appLimit = (limit: number) => [{ per: "app" as const, limit, windowMs: MIN15 }];

export const webhookRoutes: ApiRoute[] = [
  {
    id: "webhooks.create",
    method: "POST",
    path: "/2/webhooks",
    openApiPath: "/2/webhooks",
    auth: "app",
    limits: appLimit(450),
    handle: createWebhook,
  },
  {
    id: "webhooks.list",
    method: "GET",
    path: "/2/webhooks",
    openApiPath: "/2/webhooks",
    auth: "app",
    limits: appLimit(450),
    handle: listWebhooks,
  },
  {
    id: "webhooks.replay",
    method: "POST",
    path: "/2/webhooks/replay",
    openApiPath: "/2/webhooks/replay",
    auth: "app",
    limits: appLimit(100),
    handle: replayDeliveries,
  },
  {
    id: "webhooks.validate",
    method: "PUT",
    path: "/2/webhooks/:webhook_id",
    openApiPath: "/2/webhooks/{webhook_id}",
    auth: "app",
    limits: appLimit(450),
    handle: validateWebhook,
  },
  {
    id: "webhooks.delete",
    method: "DELETE",
    path: "/2/webhooks/:webhook_id",
    openApiPath: "/2/webhooks/{webhook_id}",
    auth: "app",
    limits: appLimit(450),
    handle: deleteWebhook,
  },
];
