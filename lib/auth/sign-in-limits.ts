import type pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { addressLimitKey, clientLimitKey } from "@/lib/auth/sign-in-limit-keys";
import { getEnv } from "@/lib/env";
import { limitsPool, postgresLimiter as limiter } from "@/lib/security/postgres-limiter";

// Sign-in emails go out through the shop's own SMTP, so each one is limited three times: per
// address (no one can flood an inbox), per client IP (no one can flood the mail server or the
// tables with many addresses) and for the whole shop (many clients together cannot turn the
// mail server into a spam cannon). Counters live in Postgres, so every web instance shares them.

const HOUR = 60 * 60;

export type SignInLimits = {
  perAddress: number;
  perIp: number;
  perShop: number;
  windowSeconds: number;
};

export const signInLimitsFromEnv = (): SignInLimits => {
  const env = getEnv();
  return {
    perAddress: env.SIGN_IN_EMAILS_PER_ADDRESS,
    perIp: env.SIGN_IN_EMAILS_PER_IP,
    perShop: env.SIGN_IN_EMAILS_PER_HOUR,
    windowSeconds: HOUR,
  };
};

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one sign-in email for this client, this address and the shop; refuses once any is over
 * its limit for the window. The client is counted first: a client over its limit spends no
 * address's allowance, so one sender cannot lock many addresses out of signing in; the shop
 * last, so refused requests do not use up everyone's allowance.
 */
export async function consumeSignInLimits(
  { email, clientIp }: { email: string; clientIp: string },
  limits: SignInLimits = signInLimitsFromEnv(),
  pool: pg.Pool = limitsPool(),
): Promise<LimitVerdict> {
  try {
    await limiter(pool, "sign-in-ip", limits.perIp, limits.windowSeconds).consume(
      clientLimitKey(clientIp),
    );
    await limiter(pool, "sign-in-address", limits.perAddress, limits.windowSeconds).consume(
      addressLimitKey(email),
    );
    await limiter(pool, "sign-in-shop", limits.perShop, limits.windowSeconds).consume("all");
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { allowed: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
  }
}
