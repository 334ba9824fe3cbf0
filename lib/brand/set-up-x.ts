import { getBrandStatus } from "@/lib/brand/brand-account";
import { db as appDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withXAccount } from "@/lib/x/account-tokens";
import type { TwitterApi } from "twitter-api-v2";
import { xAppClient } from "@/lib/x/client";

// `npm run x:setup`: registers the webhook and the brand's X Activity API subscriptions,
// reusing what exists, so it can run any number of times. Prices: X's 2026 pay-per-use list.

export const XAA_EVENT_TYPES = ["post.reply.create", "post.mention.create", "post.delete"] as const;
const TAG = "replycart";

type Webhook = { id: string; url: string; valid?: boolean };
type Subscription = {
  subscription_id: string;
  event_type: string;
  filter?: { user_id?: string };
  webhook_id?: string;
};

export type SetupStep = { what: string; result: "created" | "existing"; cost: string };
export type SetupReport = { webhookId: string; steps: SetupStep[]; brand: string | null };

/** Registers (or finds) the webhook for `webhookUrl`; X checks its CRC before it answers. */
async function ensureWebhook(
  app: TwitterApi,
  webhookUrl: string,
): Promise<SetupStep & { id: string }> {
  const listed = await app.v2.get<{ data?: Webhook[] }>("webhooks");
  const existing = listed.data?.find((webhook) => webhook.url === webhookUrl);
  const cost = "free; X checks it with a CRC hourly";
  if (existing) return { id: existing.id, what: `webhook ${webhookUrl}`, result: "existing", cost };
  const created = await app.v2.post<{ data: Webhook }>("webhooks", { url: webhookUrl });
  return { id: created.data.id, what: `webhook ${webhookUrl}`, result: "created", cost };
}

/**
 * Revokes of our app by any X user (filter {}): a public event, subscribed with the app's token.
 * The revoking shopper is unlinked when it arrives.
 */
async function ensureRevokeSubscription(
  app: TwitterApi,
  webhookId: string,
  listed: Subscription[],
): Promise<SetupStep> {
  const what = "oauth.revoke for every user of the app";
  const cost = "$0.005 per event delivered";
  const exists = listed.some(
    (s) => s.event_type === "oauth.revoke" && !s.filter?.user_id && s.webhook_id === webhookId,
  );
  if (exists) return { what, result: "existing", cost };
  await app.v2.post("activity/subscriptions", {
    event_type: "oauth.revoke",
    filter: {},
    webhook_id: webhookId,
    tag: TAG,
  });
  return { what, result: "created", cost };
}

/** Sets up everything replycart needs at X; without a brand account, only the webhook and revokes. */
export async function setUpX(
  { webhookUrl }: { webhookUrl: string },
  database: PrismaClient = appDb,
): Promise<SetupReport> {
  const app = await xAppClient();
  const webhook = await ensureWebhook(app, webhookUrl);
  // Listing takes the app's token; subscribing to private events (replies, mentions) the
  // brand's own user token.
  const listed = await app.v2.get<{ data?: Subscription[] }>("activity/subscriptions");
  const steps: SetupStep[] = [
    webhook,
    await ensureRevokeSubscription(app, webhook.id, listed.data ?? []),
  ];
  const brand = await getBrandStatus(database);
  if (!brand) return { webhookId: webhook.id, steps, brand: null };
  await withXAccount(
    brand.accountId,
    async (client) => {
      for (const eventType of XAA_EVENT_TYPES) {
        const what = `${eventType} for @${brand.username ?? brand.xUserId}`;
        const cost = "$0.005 per event delivered";
        const exists = listed.data?.some(
          (s) =>
            s.event_type === eventType &&
            s.filter?.user_id === brand.xUserId &&
            s.webhook_id === webhook.id,
        );
        if (exists) {
          steps.push({ what, result: "existing", cost });
          continue;
        }
        await client.v2.post("activity/subscriptions", {
          event_type: eventType,
          filter: { user_id: brand.xUserId },
          webhook_id: webhook.id,
          tag: TAG,
        });
        steps.push({ what, result: "created", cost });
      }
    },
    { db: database },
  );
  return { webhookId: webhook.id, steps, brand: brand.username ?? brand.xUserId };
}

/** The report as lines for a terminal. */
export function describeSetup(report: SetupReport): string[] {
  return [
    ...report.steps.map(
      (step) =>
        `${step.result === "created" ? "created " : "kept    "} ${step.what} (${step.cost})`,
    ),
    ...(report.brand
      ? []
      : ["No brand account is connected: connect it at /admin/x, then run npm run x:setup again."]),
  ];
}
