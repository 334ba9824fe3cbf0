import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { invalidParameter, problemResponse } from "../http/problems";
import { readJson } from "../http/route";
import { nextId } from "../state/ids";
import { webhookFailure } from "./webhook-failure";

const REPLAY_WINDOW_MS = 24 * 3_600_000;

/** yyyymmddhhmm (UTC) → epoch ms, or null. */
function parseReplayDate(value: unknown): number | null {
  if (typeof value !== "string" || !/^[0-9]{12}$/.test(value)) return null;
  const [y, mo, d, h, mi] = [0, 4, 6, 8, 10].map((i, k) =>
    Number(value.slice(i, i + (k === 0 ? 4 : 2))),
  );
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  return Number.isNaN(ms) ? null : ms;
}

// POST /2/webhooks/replay - redeliver the events of the last 24 hours in [from_date, to_date]
export async function replayDeliveries(c: Context, auth: AuthInfo, sim: SimContext) {
  const body = (await readJson(c)) ?? {};
  const webhookId = typeof body.webhook_id === "string" ? body.webhook_id : "";
  const from = parseReplayDate(body.from_date);
  const to = parseReplayDate(body.to_date);
  if (from === null)
    return invalidParameter(
      c,
      "from_date",
      String(body.from_date ?? ""),
      "from_date must be yyyymmddhhmm (UTC)",
    );
  if (to === null)
    return invalidParameter(
      c,
      "to_date",
      String(body.to_date ?? ""),
      "to_date must be yyyymmddhhmm (UTC)",
    );
  if (from < sim.now() - REPLAY_WINDOW_MS - 60_000) {
    return invalidParameter(
      c,
      "from_date",
      String(body.from_date),
      "from_date must be within the last 24 hours",
    );
  }
  if (to < from)
    return invalidParameter(
      c,
      "to_date",
      String(body.to_date),
      "to_date must not be before from_date",
    );
  const webhook = sim.store.state.webhooks.find(
    (w) => w.id === webhookId && w.clientId === auth.app.clientId,
  );
  if (!webhook) {
    return problemResponse(
      c,
      400,
      webhookFailure(
        "WebhookIdInvalid",
        `Webhook ${webhookId} was not found or is not associated with your app.`,
      ),
    );
  }
  // to_date is inclusive to the minute.
  const events = sim.store.state.deliveries.filter((d) => {
    const at = Date.parse(d.at);
    return (
      d.webhookId === webhook.id && d.kind !== "crc" && !d.replay && at >= from && at < to + 60_000
    );
  });
  const jobId = nextId(sim.store.state, sim.now());
  for (const event of events) {
    sim.delivery.enqueue({
      kind: event.kind,
      eventType: event.eventType,
      webhook,
      body: event.body,
      replay: true,
    });
  }
  return c.json({ data: { job_id: jobId, created_at: new Date(sim.now()).toISOString() } });
}
