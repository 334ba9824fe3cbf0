import type pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { limitsPool, postgresLimiter } from "@/lib/security/postgres-limiter";

export type AddVerdict = "allowed" | "first-refusal" | "refused";

/**
 * Counts one hashtag reply of an X user against their per-minute allowance. Past it, the first
 * refusal gets one rate_limited answer and the rest none, so a flood costs no bot posts.
 */
export async function consumeReplyAdd(
  xUserId: string,
  perMinute: number,
  pool: pg.Pool = limitsPool(),
): Promise<AddVerdict> {
  try {
    await postgresLimiter(pool, "reply-add", perMinute, 60).consume(xUserId);
    return "allowed";
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return error.consumedPoints === perMinute + 1 ? "first-refusal" : "refused";
  }
}
