import type pg from "pg";
import { inSqlTransaction } from "@/lib/database/sql";
import type { Delivery } from "@/lib/x/webhook-payloads";
import { storeDeliveries } from "./store-deliveries";

// Deliveries that arrive while a commit is in flight wait and go together in the next one: one
// transaction (a handful of statements) for the whole group instead of one per delivery. Every
// caller still hears back only after its rows are committed. Nothing waits on a timer: a lone
// delivery on a quiet server commits in the event loop's next turn.

type Waiting = { delivery: Delivery; done: (error?: unknown) => void };

export type GroupCommit = { record: (delivery: Delivery) => Promise<void> };

/**
 * A recorder that groups concurrent deliveries into shared transactions, `inFlight` at a time (of the pool's 10 connections).
 * Revokes take per-user locks and go alone. When a group fails, each of its deliveries is tried
 * on its own, so one bad delivery cannot fail the others.
 */
export function createGroupCommit(pool: () => pg.Pool, inFlight = 2): GroupCommit {
  const store = (deliveries: Delivery[]) =>
    inSqlTransaction(pool(), (sql) => storeDeliveries(sql, deliveries));

  let queue: Waiting[] = [];
  let running = 0;
  let scheduled = false;

  async function flush() {
    if (running >= inFlight || queue.length === 0) return;
    const group = queue;
    queue = [];
    running += 1;
    try {
      await store(group.map((waiting) => waiting.delivery));
      for (const waiting of group) waiting.done();
    } catch (error) {
      if (group.length === 1) group[0]!.done(error);
      else
        await Promise.all(
          group.map((waiting) =>
            store([waiting.delivery]).then(
              () => waiting.done(),
              (single: unknown) => waiting.done(single),
            ),
          ),
        );
    } finally {
      running -= 1;
      void flush();
    }
  }

  return {
    record(delivery) {
      if (delivery.revokes.length) return store([delivery]);
      return new Promise<void>((resolve, reject) => {
        queue.push({ delivery, done: (error) => (error ? reject(error) : resolve()) });
        // Flushed once the deliveries read in this turn of the event loop are queued too: a
        // free slot would otherwise commit the first alone and make the rest wait for the next.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            void flush();
          });
        }
      });
    },
  };
}
