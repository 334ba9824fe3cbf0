import { BRAND_ID } from "../test-support/test-sim";
import { call, ctx, env, type Case } from "./contract-env";

/** Webhooks and X Activity API subscriptions. */
export const webhookCases: Case[] = [
  // Webhooks
  {
    op: "POST /2/webhooks",
    kind: "success",
    name: "register",
    run: async () => {
      const a = await call("POST", "/2/webhooks", ctx.bearer, { url: env.receiver.url });
      ctx.webhookId = (a.body as { data: { id: string } }).data.id;
      return a;
    },
  },
  {
    op: "POST /2/webhooks",
    kind: "error",
    name: "UrlValidationFailed",
    run: () => call("POST", "/2/webhooks", ctx.bearer, { url: "http://example.com:81/x" }),
  },
  { op: "GET /2/webhooks", kind: "success", name: "list", run: () => call("GET", "/2/webhooks") },
  {
    op: "GET /2/webhooks",
    kind: "error",
    name: "unknown webhook_config.fields",
    run: () => call("GET", "/2/webhooks?webhook_config.fields=colour"),
  },
  {
    op: "PUT /2/webhooks/{webhook_id}",
    kind: "success",
    name: "re-validate",
    run: () => call("PUT", `/2/webhooks/${ctx.webhookId}`),
  },
  {
    op: "PUT /2/webhooks/{webhook_id}",
    kind: "error",
    name: "WebhookIdInvalid",
    run: () => call("PUT", "/2/webhooks/42"),
  },
  // X Activity API
  {
    op: "POST /2/activity/subscriptions",
    kind: "success",
    name: "post.reply.create",
    run: async () => {
      const a = await call("POST", "/2/activity/subscriptions", ctx.brand, {
        event_type: "post.reply.create",
        filter: { user_id: BRAND_ID },
        webhook_id: ctx.webhookId,
        tag: "contract",
      });
      ctx.subscriptionId = (
        a.body as { data: { subscription: { subscription_id: string } } }
      ).data.subscription.subscription_id;
      return a;
    },
  },
  {
    op: "POST /2/activity/subscriptions",
    kind: "error",
    name: "unknown event type",
    run: () =>
      call("POST", "/2/activity/subscriptions", ctx.brand, {
        event_type: "post.teleport",
        filter: { user_id: BRAND_ID },
      }),
  },
  {
    op: "POST /2/activity/subscriptions",
    kind: "error",
    name: "someone else's private events (403)",
    run: () =>
      call("POST", "/2/activity/subscriptions", ctx.alice, {
        event_type: "post.mention.create",
        filter: { user_id: BRAND_ID },
      }),
  },
  {
    op: "GET /2/activity/subscriptions",
    kind: "success",
    name: "list",
    run: () => call("GET", "/2/activity/subscriptions"),
  },
  {
    op: "GET /2/activity/subscriptions",
    kind: "error",
    name: "max_results out of range",
    run: () => call("GET", "/2/activity/subscriptions?max_results=0"),
  },
  {
    op: "PUT /2/activity/subscriptions/{subscription_id}",
    kind: "success",
    name: "retag",
    run: () =>
      call("PUT", `/2/activity/subscriptions/${ctx.subscriptionId}`, ctx.bearer, {
        tag: "renamed",
      }),
  },
  {
    op: "PUT /2/activity/subscriptions/{subscription_id}",
    kind: "error",
    name: "unknown subscription",
    run: () => call("PUT", "/2/activity/subscriptions/42", ctx.bearer, { tag: "x" }),
  },
];
