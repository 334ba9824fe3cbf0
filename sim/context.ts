import type { Store } from "./state/store";
import type { SimApp } from "./state/types";
import type { RateLimiter, LimitRule } from "./http/rate-limit";
import type { DeliveryEngine } from "./delivery/delivery-engine";
import type { StreamHub } from "./stream/stream-hub";

export interface SimOptions {
  /** 0 = a random free port. */
  port?: number;
  host?: string;
  /** null = no persistence. */
  snapshotPath?: string | null;
  fresh?: boolean;
  apps?: SimApp[];
  /** How often X re-checks every webhook's CRC (X: hourly). */
  crcIntervalMs?: number;
  /** The simulator's own URL as the browser sees it (consent page links). */
  publicUrl?: string;
  /** Authorization codes live 30 s at X. */
  codeTtlMs?: number;
  /** Access tokens live 2 hours at X. */
  accessTokenTtlMs?: number;
  /** X waits 3 s for a webhook answer. */
  deliveryTimeoutMs?: number;
  /** Spacing of the retries after a failed delivery. */
  retryDelaysMs?: number[];
  /** Filtered stream keep-alive (X: a `\r\n` every 20 s). */
  keepAliveMs?: number;
  /** How long the reorder fault holds deliveries before sending them backwards. */
  reorderWindowMs?: number;
  /** Per-route overrides of X's rate limits, keyed by route id (e.g. "users.me"). */
  rateLimits?: Record<string, LimitRule[]>;
  webhookLimit?: number;
  /** A webhook whose CRC keeps failing transiently turns invalid after this long (X: 28 h). */
  crcGraceMs?: number;
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<SimOptions, "publicUrl" | "rateLimits" | "now">> & {
  publicUrl?: string;
  rateLimits: Record<string, LimitRule[]>;
};

export interface SimContext {
  store: Store;
  options: ResolvedOptions;
  limiter: RateLimiter;
  delivery: DeliveryEngine;
  streams: StreamHub;
  /** API requests answered past X's gateway, per operation id: what X would bill or count. */
  requests: Map<string, number>;
  now: () => number;
}

export function resolveOptions(options: SimOptions): ResolvedOptions {
  return {
    port: options.port ?? 4010,
    host: options.host ?? "127.0.0.1",
    snapshotPath: options.snapshotPath ?? null,
    fresh: options.fresh ?? false,
    apps: options.apps ?? [],
    crcIntervalMs: options.crcIntervalMs ?? 3_600_000,
    publicUrl: options.publicUrl,
    codeTtlMs: options.codeTtlMs ?? 30_000,
    accessTokenTtlMs: options.accessTokenTtlMs ?? 7_200_000,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 3_000,
    retryDelaysMs: options.retryDelaysMs ?? [20_000, 60_000, 180_000],
    keepAliveMs: options.keepAliveMs ?? 20_000,
    reorderWindowMs: options.reorderWindowMs ?? 500,
    rateLimits: options.rateLimits ?? {},
    webhookLimit: options.webhookLimit ?? 2,
    crcGraceMs: options.crcGraceMs ?? 28 * 3_600_000,
  };
}
