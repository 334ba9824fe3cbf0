import pg from "pg";
import { z } from "zod";
import type { CartChange } from "./cart-change";
import { CART_EVENTS_CHANNEL } from "./notify-cart-change";

/**
 * What a subscriber hears: its shopper's changes, and "listening" each time the hub's LISTEN is
 * in place (at once when it already is). `resync` says notifications may have been missed
 * meanwhile (the connection was lost), so what the subscriber shows should be read again.
 */
export type HubEvent =
  | { type: "listening"; resync: boolean }
  | { type: "change"; change: CartChange }
  | { type: "closed" };

export type Subscription = { unsubscribe: () => void };
export type Refusal = { refused: "user" | "process" };

export type HubOptions = {
  connectionString: string;
  /** Open subscriptions one shopper may hold (tabs) and the whole process may hold. */
  perUser: number;
  perProcess: number;
  /** Backoff between reconnects: doubling from `min` to `max` milliseconds. */
  retryMs?: { min: number; max: number };
  /** How often an idle connection is checked, so a silently dead one is replaced. */
  checkMs?: number;
};

const payloadSchema = z.object({
  userId: z.string(),
  kind: z.enum(["reply", "withdrawn"]),
  items: z.array(
    z.object({ title: z.string(), quantity: z.number().int(), size: z.string().nullable() }),
  ),
  more: z.number().int(),
});

type Listener = (event: HubEvent) => void;

/**
 * One web process's ear on the cart notifications (lib/live/notify-cart-change.ts): a single pg
 * connection of its own (not the pool's: LISTEN belongs to a session, and would pin a pooled
 * connection), opened with the first subscriber and kept, fanning each notification out to the
 * subscribers of its shopper. A lost connection is reopened with backoff, then everyone is told
 * to resync. No query runs per subscriber.
 */
export class CartEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private count = 0;
  private client: pg.Client | null = null;
  private listening = false;
  private lostBefore = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private check: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: HubOptions) {}

  /** Open subscriptions, all shoppers together. */
  get size(): number {
    return this.count;
  }

  subscribe(userId: string, listener: Listener): Subscription | Refusal {
    if (this.count >= this.options.perProcess) return { refused: "process" };
    const own = this.listeners.get(userId) ?? new Set<Listener>();
    if (own.size >= this.options.perUser) return { refused: "user" };
    // Each subscription its own entry, even with a listener function seen before.
    const entry: Listener = (event) => listener(event);
    own.add(entry);
    this.listeners.set(userId, own);
    this.count += 1;
    if (this.closed) queueMicrotask(() => entry({ type: "closed" }));
    else if (this.listening)
      queueMicrotask(() => own.has(entry) && entry({ type: "listening", resync: false }));
    else this.connect();
    return {
      unsubscribe: () => {
        if (!own.delete(entry)) return;
        this.count -= 1;
        if (!own.size && this.listeners.get(userId) === own) this.listeners.delete(userId);
      },
    };
  }

  /** Ends the connection and tells every subscriber (a server shutting down). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.check) clearInterval(this.check);
    const client = this.client;
    this.client = null;
    this.listening = false;
    this.broadcast({ type: "closed" });
    await client?.end().catch(() => undefined);
  }

  private connect() {
    if (this.client || this.retry || this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: "replycart cart events",
      keepAlive: true,
      query_timeout: 10_000,
    });
    this.client = client;
    const lost = () => this.lose(client);
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel === CART_EVENTS_CHANNEL) this.deliver(message.payload);
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${client.escapeIdentifier(CART_EVENTS_CHANNEL)}`))
      .then(() => {
        if (this.client !== client) return;
        this.listening = true;
        this.attempt = 0;
        this.check = setInterval(
          () => void client.query("SELECT 1").catch(lost),
          this.options.checkMs ?? 30_000,
        );
        this.check.unref();
        this.broadcast({ type: "listening", resync: this.lostBefore });
      })
      .catch(lost);
  }

  /** The connection failed or was lost: notifications may be missed until the next LISTEN. */
  private lose(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.lostBefore = true;
    if (this.check) clearInterval(this.check);
    this.check = null;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    const { min, max } = this.options.retryMs ?? { min: 500, max: 30_000 };
    const delay = Math.min(max, min * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect();
    }, delay);
    this.retry.unref();
  }

  private deliver(payload: string | undefined) {
    let parsed;
    try {
      parsed = payloadSchema.safeParse(JSON.parse(payload ?? ""));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const { userId, ...change } = parsed.data;
    const own = this.listeners.get(userId);
    if (own) for (const listener of [...own]) safely(listener, { type: "change", change });
  }

  private broadcast(event: HubEvent) {
    for (const own of [...this.listeners.values()])
      for (const listener of [...own]) safely(listener, event);
  }
}

/** One subscriber's failure (a stream already closed) must not keep the others from hearing. */
function safely(listener: Listener, event: HubEvent) {
  try {
    listener(event);
  } catch {
    // The stream cleans itself up on its own abort.
  }
}
