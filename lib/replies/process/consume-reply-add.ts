import type pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { limitsPool, postgresLimiter } from "@/lib/security/postgres-limiter";

export type AddVerdict = "allowed" | "first-refusal" | "refused";

/**
 * Counts one hashtag reply of an X user against their per-minute allowance, as `points` replies
 * (more for one that makes us pay X for a read). Past it, the reply that crossed the limit gets
 * one rate_limited answer and the rest none, so a flood costs no bot posts.
 */
export async function consumeReplyAdd(
  xUserId: string,
  perMinute: number,
  pool: pg.Pool = limitsPool(),
  points = 1,
): Promise<AddVerdict> {
  try {
    await postgresLimiter(pool, "reply-add", perMinute, 60).consume(xUserId, points);
    return "allowed";
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    // Refused replies are counted too: only the first one found the count within the limit.
    return error.consumedPoints - points <= perMinute ? "first-refusal" : "refused";
  }
}
