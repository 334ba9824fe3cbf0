/**
 * Bytes this process holds for deliveries waiting on the inbox's commit. When the database is
 * slow, deliveries pile up (each up to 1 MiB); past the budget the webhook answers 503 at once,
 * and X delivers again later, instead of the process holding bodies until it runs out of memory.
 */
export type ByteBudget = {
  /** Takes `bytes` from the budget, or answers false (and takes nothing) when they do not fit. */
  take(bytes: number): boolean;
  give(bytes: number): void;
  readonly waiting: number;
};

export function createByteBudget(limit: number): ByteBudget {
  let waiting = 0;
  return {
    take(bytes) {
      if (waiting + bytes > limit) return false;
      waiting += bytes;
      return true;
    },
    give(bytes) {
      waiting -= bytes;
    },
    get waiting() {
      return waiting;
    },
  };
}
