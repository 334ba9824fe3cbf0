import { BRAND_ID } from "../test-support/test-sim";
import { call, ctx, streamMessage, type Case } from "./contract-env";

/** Filtered stream, Account Activity, then replay and removals (they need the ids above). */
export const streamCases: Case[] = [
  // Filtered stream
  {
    op: "POST /2/tweets/search/stream/rules",
    kind: "success",
    name: "add",
    run: async () => {
      const a = await call("POST", "/2/tweets/search/stream/rules", ctx.bearer, {
        add: [{ value: "(#addtocart OR #addtobasket) is:reply", tag: "cart" }],
      });
      ctx.ruleId = (a.body as { data: Array<{ id: string }> }).data[0]!.id;
      return a;
    },
  },
  {
    op: "POST /2/tweets/search/stream/rules",
    kind: "success",
    name: "dry run",
    run: () =>
      call("POST", "/2/tweets/search/stream/rules?dry_run=true", ctx.bearer, {
        add: [{ value: "#addtobag" }],
      }),
  },
  {
    op: "POST /2/tweets/search/stream/rules",
    kind: "error",
    name: "neither add nor delete",
    run: () => call("POST", "/2/tweets/search/stream/rules", ctx.bearer, {}),
  },
  {
    op: "GET /2/tweets/search/stream/rules",
    kind: "success",
    name: "list",
    run: () => call("GET", "/2/tweets/search/stream/rules"),
  },
  {
    op: "GET /2/tweets/search/stream/rules",
    kind: "error",
    name: "non-numeric ids",
    run: () => call("GET", "/2/tweets/search/stream/rules?ids=abc"),
  },
  {
    op: "GET /2/tweets/search/stream",
    kind: "error",
    name: "unknown tweet.fields",
    run: () => call("GET", "/2/tweets/search/stream?tweet.fields=colour"),
  },
  {
    op: "GET /2/tweets/search/stream",
    kind: "success",
    name: "one streamed message",
    run: streamMessage,
  },
  {
    op: "POST /2/tweets/search/webhooks/{webhook_id}",
    kind: "success",
    name: "link",
    run: () => call("POST", `/2/tweets/search/webhooks/${ctx.webhookId}`),
  },
  {
    op: "POST /2/tweets/search/webhooks/{webhook_id}",
    kind: "error",
    name: "unknown webhook",
    run: () => call("POST", "/2/tweets/search/webhooks/42"),
  },
  {
    op: "GET /2/tweets/search/webhooks",
    kind: "success",
    name: "list links",
    run: () => call("GET", "/2/tweets/search/webhooks"),
  },
  {
    op: "DELETE /2/tweets/search/webhooks/{webhook_id}",
    kind: "success",
    name: "unlink",
    run: () => call("DELETE", `/2/tweets/search/webhooks/${ctx.webhookId}`),
  },
  {
    op: "DELETE /2/tweets/search/webhooks/{webhook_id}",
    kind: "error",
    name: "not linked",
    run: () => call("DELETE", `/2/tweets/search/webhooks/${ctx.webhookId}`),
  },
  // Account Activity
  {
    op: "POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all",
    kind: "success",
    name: "subscribe the brand",
    run: () =>
      call(
        "POST",
        `/2/account_activity/webhooks/${ctx.webhookId}/subscriptions/all`,
        ctx.brand,
        {},
      ),
  },
  {
    op: "POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all",
    kind: "error",
    name: "already subscribed",
    run: () =>
      call(
        "POST",
        `/2/account_activity/webhooks/${ctx.webhookId}/subscriptions/all`,
        ctx.brand,
        {},
      ),
  },
  {
    op: "GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all",
    kind: "success",
    name: "check",
    run: () =>
      call("GET", `/2/account_activity/webhooks/${ctx.webhookId}/subscriptions/all`, ctx.brand),
  },
  {
    op: "GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all",
    kind: "error",
    name: "unknown webhook",
    run: () => call("GET", "/2/account_activity/webhooks/42/subscriptions/all", ctx.brand),
  },
  {
    op: "GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all/list",
    kind: "success",
    name: "list",
    run: () => call("GET", `/2/account_activity/webhooks/${ctx.webhookId}/subscriptions/all/list`),
  },
  {
    op: "GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all/list",
    kind: "error",
    name: "unknown webhook",
    run: () => call("GET", "/2/account_activity/webhooks/42/subscriptions/all/list"),
  },
  {
    op: "GET /2/account_activity/subscriptions/count",
    kind: "success",
    name: "count",
    run: () => call("GET", "/2/account_activity/subscriptions/count"),
  },
  {
    op: "DELETE /2/account_activity/webhooks/{webhook_id}/subscriptions/{user_id}/all",
    kind: "success",
    name: "unsubscribe",
    run: () =>
      call("DELETE", `/2/account_activity/webhooks/${ctx.webhookId}/subscriptions/${BRAND_ID}/all`),
  },
  {
    op: "DELETE /2/account_activity/webhooks/{webhook_id}/subscriptions/{user_id}/all",
    kind: "error",
    name: "unknown webhook",
    run: () => call("DELETE", `/2/account_activity/webhooks/42/subscriptions/${BRAND_ID}/all`),
  },
  // Replay and removals, last
  {
    op: "POST /2/webhooks/replay",
    kind: "success",
    name: "replay the last hour",
    run: () => {
      const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 12);
      return call("POST", "/2/webhooks/replay", ctx.bearer, {
        webhook_id: ctx.webhookId,
        from_date: stamp(new Date(Date.now() - 3_600_000)),
        to_date: stamp(new Date()),
      });
    },
  },
  {
    op: "POST /2/webhooks/replay",
    kind: "error",
    name: "malformed date",
    run: () =>
      call("POST", "/2/webhooks/replay", ctx.bearer, {
        webhook_id: ctx.webhookId,
        from_date: "yesterday",
        to_date: "202601010000",
      }),
  },
  {
    op: "DELETE /2/activity/subscriptions",
    kind: "success",
    name: "by ids, one unknown",
    run: () => call("DELETE", `/2/activity/subscriptions?ids=${ctx.subscriptionId},42`),
  },
  {
    op: "DELETE /2/activity/subscriptions",
    kind: "error",
    name: "malformed ids",
    run: () => call("DELETE", "/2/activity/subscriptions?ids=abc"),
  },
  {
    op: "DELETE /2/activity/subscriptions/{subscription_id}",
    kind: "success",
    name: "by id",
    run: async () => {
      const a = await call("POST", "/2/activity/subscriptions", ctx.bearer, {
        event_type: "post.delete",
        filter: { user_id: BRAND_ID },
        webhook_id: ctx.webhookId,
      });
      const id = (a.body as { data: { subscription: { subscription_id: string } } }).data
        .subscription.subscription_id;
      return call("DELETE", `/2/activity/subscriptions/${id}`);
    },
  },
  {
    op: "DELETE /2/activity/subscriptions/{subscription_id}",
    kind: "error",
    name: "unknown id (404)",
    run: () => call("DELETE", "/2/activity/subscriptions/42"),
  },
  {
    op: "DELETE /2/tweets/{id}",
    kind: "success",
    name: "delete own post",
    run: () => call("DELETE", `/2/tweets/${ctx.postId}`, ctx.brand),
  },
  {
    op: "DELETE /2/tweets/{id}",
    kind: "error",
    name: "already deleted (404)",
    run: () => call("DELETE", `/2/tweets/${ctx.postId}`, ctx.brand),
  },
  {
    op: "DELETE /2/webhooks/{webhook_id}",
    kind: "success",
    name: "delete",
    run: () => call("DELETE", `/2/webhooks/${ctx.webhookId}`),
  },
  {
    op: "DELETE /2/webhooks/{webhook_id}",
    kind: "error",
    name: "WebhookIdInvalid",
    run: () => call("DELETE", `/2/webhooks/${ctx.webhookId}`),
  },
];
