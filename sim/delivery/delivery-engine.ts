import { randomToken, signBody } from "../crypto";
import { attemptRequest, judgeCrc } from "./attempt";
import type { Store } from "../state/store";
import type { DeliveryRecord, StoredApp, Webhook } from "../state/types";
import type { ResolvedOptions } from "../context";
import { applyFaults } from "./faults";

export interface DeliveryJob {
  kind: DeliveryRecord["kind"];
  eventType: string;
  webhook: Webhook;
  body: string;
  replay?: boolean;
}

export type CrcOutcome = { ok: true } | { ok: false; transient: boolean; detail: string };

const MAX_RECORDS = 500;

/** Sends signed webhook deliveries with X's timeout and retries, and runs CRC checks. */
export class DeliveryEngine {
  private outstanding = 0;
  private waiters: Array<() => void> = [];
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private held: DeliveryRecord[] = [];

  constructor(
    private store: Store,
    private options: ResolvedOptions,
    private now: () => number,
  ) {}

  enqueue(job: DeliveryJob): void {
    const app = this.appOf(job.webhook);
    if (!app) return;
    const record = this.record(job, app);
    if (!job.webhook.valid) {
      record.outcome = "skipped";
      record.note = "webhook is invalid (failed CRC): X stops delivering until it passes again";
      this.store.changed();
      return;
    }
    applyFaults(this.store.state.faults, record, {
      drop: (r) => {
        r.outcome = "dropped";
        r.note = "dropped by the drop fault";
        this.store.changed();
      },
      send: (r) => this.track(() => this.sendWithRetries(r, 0)),
      copy: (r) => this.record({ ...job }, app, r.body),
      hold: (r) => this.hold(r),
      delay: (ms, fn) =>
        this.track(() => new Promise<void>((resolve) => this.later(ms, () => (fn(), resolve())))),
    });
  }

  /** Resolves once no delivery is in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.outstanding = 0;
    this.flushWaiters();
  }

  async crc(webhook: Pick<Webhook, "id" | "url" | "clientId">): Promise<CrcOutcome> {
    const app = this.store.state.apps.find((a) => a.clientId === webhook.clientId);
    if (!app) return { ok: false, transient: false, detail: "unknown app" };
    const token = randomToken(24);
    const url = new URL(webhook.url);
    url.searchParams.set("crc_token", token);
    const record: DeliveryRecord = {
      id: randomToken(9),
      at: new Date(this.now()).toISOString(),
      kind: "crc",
      eventType: "crc",
      webhookId: webhook.id,
      url: url.toString(),
      body: "",
      attempts: [],
      outcome: "pending",
    };
    this.push(record);
    const attempt = await attemptRequest(this.now, this.options.deliveryTimeoutMs, url.toString(), {
      method: "GET",
      redirect: "manual",
    });
    record.attempts.push(attempt);
    const outcome = judgeCrc(attempt, token, app);
    record.outcome = outcome.ok ? "delivered" : "failed";
    if (!outcome.ok) record.note = outcome.detail;
    this.store.changed();
    return outcome;
  }

  private appOf(webhook: Webhook): StoredApp | undefined {
    return this.store.state.apps.find((a) => a.clientId === webhook.clientId);
  }

  private record(job: DeliveryJob, app: StoredApp, body = job.body): DeliveryRecord {
    const record: DeliveryRecord = {
      id: randomToken(9),
      at: new Date(this.now()).toISOString(),
      kind: job.kind,
      eventType: job.eventType,
      webhookId: job.webhook.id,
      url: job.webhook.url,
      body,
      signature: signBody(app.consumerSecret, body),
      attempts: [],
      outcome: "pending",
      replay: job.replay,
    };
    this.push(record);
    return record;
  }

  private push(record: DeliveryRecord): void {
    const list = this.store.state.deliveries;
    list.push(record);
    if (list.length > MAX_RECORDS) list.splice(0, list.length - MAX_RECORDS);
    this.store.changed();
  }

  /** The reorder fault: hold deliveries briefly, then send the batch newest first. */
  private hold(record: DeliveryRecord): void {
    this.held.push(record);
    if (this.held.length > 1) return;
    this.track(
      () =>
        new Promise<void>((resolve) => {
          this.later(this.options.reorderWindowMs, () => {
            const batch = this.held.reverse();
            this.held = [];
            for (const r of batch) this.track(() => this.sendWithRetries(r, 0));
            resolve();
          });
        }),
    );
  }

  private async sendWithRetries(record: DeliveryRecord, attemptIndex: number): Promise<void> {
    if (this.closed) return;
    const app = this.store.state.apps.find((a) =>
      this.store.state.webhooks.some((w) => w.id === record.webhookId && w.clientId === a.clientId),
    );
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "X-Webhooks/1.0 (replycart simulator)",
      "x-twitter-webhooks-signature": record.signature ?? "",
    };
    if (app?.clientSecret) {
      headers["x-twitter-webhooks-signature-oauth2"] = signBody(app.clientSecret, record.body);
    }
    const attempt = await attemptRequest(this.now, this.options.deliveryTimeoutMs, record.url, {
      method: "POST",
      headers,
      body: record.body,
    });
    record.attempts.push(attempt);
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    const delay = this.options.retryDelaysMs[attemptIndex];
    if (ok) record.outcome = "delivered";
    else if (delay === undefined) record.outcome = "failed";
    this.store.changed();
    if (!ok && delay !== undefined) {
      await new Promise<void>((resolve) => this.later(delay, resolve));
      await this.sendWithRetries(record, attemptIndex + 1);
    }
  }

  private later(ms: number, fn: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private track(work: () => Promise<void>): void {
    this.outstanding += 1;
    void work().finally(() => {
      this.outstanding = Math.max(0, this.outstanding - 1);
      if (this.outstanding === 0) this.flushWaiters();
    });
  }

  private flushWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
