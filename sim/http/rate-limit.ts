// Fixed-window counters, as X's x-rate-limit-* headers describe them: a limit, what is left in
// the current window, and the window's end in epoch seconds.

export interface LimitRule {
  /** Who the window belongs to: the user of a user token, or the app. */
  per: "user" | "app";
  limit: number;
  windowMs: number;
  /** Extra header family X adds for daily caps (x-app-limit-24hour-*). */
  headerPrefix?: string;
}

interface Window {
  count: number;
  resetAt: number;
}

export interface LimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export const MIN15 = 15 * 60_000;
export const DAY = 24 * 3_600_000;

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(private now: () => number) {}

  /** Counts one call against every rule that applies and says whether it may proceed. */
  take(
    routeId: string,
    rules: LimitRule[],
    principal: { user?: string; app: string },
  ): LimitVerdict {
    const headers: Record<string, string> = {};
    let allowed = true;
    // A user token counts against the per-user window; an app token against the per-app one.
    // Daily app caps (with their own header family) count either way.
    const hasUserRule = rules.some((r) => r.per === "user");
    const applicable = rules.filter((r) =>
      r.per === "user" ? !!principal.user : !principal.user || !hasUserRule || !!r.headerPrefix,
    );
    for (const rule of applicable) {
      const who = rule.per === "user" ? principal.user : principal.app;
      const key = `${routeId}|${rule.per}|${who}`;
      const window = this.current(key, rule);
      if (window.count >= rule.limit) allowed = false;
    }
    for (const rule of applicable) {
      const who = rule.per === "user" ? principal.user : principal.app;
      const window = this.current(`${routeId}|${rule.per}|${who}`, rule);
      if (allowed) window.count += 1;
      const prefix = rule.headerPrefix ?? "x-rate-limit";
      headers[`${prefix}-limit`] = String(rule.limit);
      headers[`${prefix}-remaining`] = String(Math.max(0, rule.limit - window.count));
      headers[`${prefix}-reset`] = String(Math.ceil(window.resetAt / 1000));
    }
    return { allowed, headers };
  }

  /** Headers for an answer that did not count (no principal, or a forced fault). */
  peek(rules: LimitRule[], exhausted = false): Record<string, string> {
    const rule = rules[0];
    if (!rule) return {};
    return {
      "x-rate-limit-limit": String(rule.limit),
      "x-rate-limit-remaining": exhausted ? "0" : String(rule.limit),
      "x-rate-limit-reset": String(Math.ceil((this.now() + rule.windowMs) / 1000)),
    };
  }

  reset(): void {
    this.windows.clear();
  }

  private current(key: string, rule: LimitRule): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + rule.windowMs };
      this.windows.set(key, window);
    }
    return window;
  }
}
