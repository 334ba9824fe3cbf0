import type { SimContext } from "../context";
import { xaaForCreate, xaaForDelete, xaaForRevoke } from "../activity/xaa-events";
import { aaaForCreate, aaaForDelete, aaaForLike, aaaForRevoke } from "../aaa/aaa-events";
import { matchingRules, streamMessage } from "../stream/match-rules";
import type { DeliveryRecord, SimPost, SimUser, StoredApp } from "../state/types";

// One place where an event on X (post, delete, like, revoke) reaches every consumer:
// XAA subscriptions, filtered-stream connections and webhook links, AAA subscriptions.

function deliver(
  sim: SimContext,
  webhookId: string | undefined,
  kind: DeliveryRecord["kind"],
  eventType: string,
  body: string,
) {
  const webhook = sim.store.state.webhooks.find((w) => w.id === webhookId);
  if (webhook) sim.delivery.enqueue({ kind, eventType, webhook, body });
}

export function fanOutPostCreated(sim: SimContext, post: SimPost): void {
  const state = sim.store.state;
  for (const d of xaaForCreate(state, post)) {
    deliver(sim, d.subscription.webhookId, "xaa", d.subscription.eventType, d.envelope);
  }
  for (const app of state.apps) {
    const rules = matchingRules(state, app.clientId, post);
    if (!rules.length) continue;
    const connection = sim.streams.get(app.clientId);
    if (connection) connection.send(`${streamMessage(state, post, connection.view, rules)}\r\n`);
    for (const link of state.streamLinks.filter((l) => l.clientId === app.clientId)) {
      const view = {
        tweetFields: (link.fields["tweet.fields"] ?? "").split(",").filter(Boolean),
        userFields: (link.fields["user.fields"] ?? "").split(",").filter(Boolean),
        expansions: (link.fields.expansions ?? "").split(",").filter(Boolean),
      };
      deliver(
        sim,
        link.webhookId,
        "stream-webhook",
        "filtered-stream",
        streamMessage(state, post, view, rules),
      );
    }
  }
  for (const d of aaaForCreate(state, post)) {
    deliver(sim, d.subscription.webhookId, "aaa", d.eventType, d.body);
  }
}

export function fanOutPostDeleted(sim: SimContext, post: SimPost): void {
  const state = sim.store.state;
  for (const d of xaaForDelete(state, post)) {
    deliver(sim, d.subscription.webhookId, "xaa", "post.delete", d.envelope);
  }
  for (const d of aaaForDelete(state, post, sim.now())) {
    deliver(sim, d.subscription.webhookId, "aaa", d.eventType, d.body);
  }
}

export function fanOutLike(sim: SimContext, post: SimPost, liker: SimUser): void {
  for (const d of aaaForLike(sim.store.state, post, liker, sim.now())) {
    deliver(sim, d.subscription.webhookId, "aaa", d.eventType, d.body);
  }
}

export function fanOutRevoke(sim: SimContext, user: SimUser, app: StoredApp): void {
  const at = new Date(sim.now());
  for (const d of xaaForRevoke(sim.store.state, user, app, at)) {
    deliver(sim, d.subscription.webhookId, "xaa", "oauth.revoke", d.envelope);
  }
  for (const d of aaaForRevoke(sim.store.state, user, app, at)) {
    deliver(sim, d.subscription.webhookId, "aaa", d.eventType, d.body);
  }
}
