import type pg from "pg";
import { RateLimiterRes, type RateLimiterPostgres } from "rate-limiter-flexible";
import type { ReplyOutcome } from "@/lib/generated/prisma/client";
import { limitsPool, postgresLimiter } from "@/lib/security/postgres-limiter";

// X lets one user (the brand) create 100 posts per 15 minutes. The outbox spends that budget
// itself instead of running into 429s; every worker process shares it through Postgres.
// Answers other than added (any X account can make them) get only a share of it, so shoppers'
// added answers always find room.

export type BotReplyPacer = {
  /** Takes one post of `kind` from the brand's budget; waitMs > 0 when none is left for that long. */
  take(brandXId: string, kind: ReplyOutcome): Promise<{ waitMs: number }>;
  /** Spends the rest of the budget until `until` (X said 429 and when it resets). */
  pauseUntil(brandXId: string, until: Date): Promise<void>;
};

export const X_POST_WINDOW_SECONDS = 15 * 60;

export type PacerOptions = {
  windowSeconds?: number;
  /** Percent of the window's posts that answers other than added may use (at least one post). */
  nonAddedPercent?: number;
  pool?: pg.Pool;
};

/** 0 when the limiter gave a turn, else how long until it has one. */
async function waitFor(limiter: RateLimiterPostgres, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return Math.max(1, error.msBeforeNext);
  }
}

export function postgresPacer(perWindow: number, options: PacerOptions = {}): BotReplyPacer {
  const { windowSeconds = X_POST_WINDOW_SECONDS, nonAddedPercent = 100 } = options;
  const pool = options.pool ?? limitsPool();
  const limiter = postgresLimiter(pool, "bot-replies", perWindow, windowSeconds);
  const nonAddedPerWindow = Math.max(1, Math.floor((perWindow * nonAddedPercent) / 100));
  const nonAdded = postgresLimiter(pool, "bot-replies-non-added", nonAddedPerWindow, windowSeconds);
  return {
    async take(brandXId, kind) {
      if (kind === "ADDED") return { waitMs: await waitFor(limiter, brandXId) };
      const shareWait = await waitFor(nonAdded, brandXId);
      if (shareWait) return { waitMs: shareWait };
      const waitMs = await waitFor(limiter, brandXId);
      // Not posted now: its place in the share goes back for when the budget has room.
      if (waitMs) await nonAdded.reward(brandXId, 1);
      return { waitMs };
    },
    async pauseUntil(brandXId, until) {
      const seconds = Math.ceil((until.getTime() - Date.now()) / 1000);
      if (seconds > 0) await limiter.block(brandXId, seconds);
    },
  };
}
