import type pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { limitsPool, postgresLimiter } from "@/lib/security/postgres-limiter";

// X lets one user (the brand) create 100 posts per 15 minutes. The outbox spends that budget
// itself instead of running into 429s; every worker process shares it through Postgres.

export type BotReplyPacer = {
  /** Takes one post from the brand's budget; waitMs > 0 when none is left for that long. */
  take(brandXId: string): Promise<{ waitMs: number }>;
  /** Spends the rest of the budget until `until` (X said 429 and when it resets). */
  pauseUntil(brandXId: string, until: Date): Promise<void>;
};

export const X_POST_WINDOW_SECONDS = 15 * 60;

export function postgresPacer(
  perWindow: number,
  windowSeconds = X_POST_WINDOW_SECONDS,
  pool: pg.Pool = limitsPool(),
): BotReplyPacer {
  const limiter = postgresLimiter(pool, "bot-replies", perWindow, windowSeconds);
  return {
    async take(brandXId) {
      try {
        await limiter.consume(brandXId);
        return { waitMs: 0 };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { waitMs: Math.max(1, error.msBeforeNext) };
      }
    },
    async pauseUntil(brandXId, until) {
      const seconds = Math.ceil((until.getTime() - Date.now()) / 1000);
      if (seconds > 0) await limiter.block(brandXId, seconds);
    },
  };
}
