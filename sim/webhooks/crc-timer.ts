import type { SimContext } from "../context";

/**
 * X's periodic CRC: a wrong answer (or a redirect) marks the webhook invalid at once;
 * transient failures (4xx, 5xx, timeouts) only once the webhook has gone unvalidated for
 * longer than the grace period.
 */
export async function recheckWebhooks(sim: SimContext) {
  const results: Array<{ id: string; valid: boolean }> = [];
  for (const webhook of [...sim.store.state.webhooks]) {
    const outcome = await sim.delivery.crc(webhook);
    if (outcome.ok) {
      webhook.valid = true;
      webhook.lastValidatedAt = sim.now();
    } else if (!outcome.transient || sim.now() - webhook.lastValidatedAt > sim.options.crcGraceMs) {
      webhook.valid = false;
    }
    results.push({ id: webhook.id, valid: webhook.valid });
  }
  sim.store.changed();
  return results;
}

export function startCrcTimer(sim: SimContext): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void recheckWebhooks(sim).finally(() => (running = false));
  }, sim.options.crcIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
