import os from "node:os";

/** How far below the web server a worker process runs (nice 10: it gets the CPU left over). */
export const WORKER_NICENESS = 10;

/**
 * A worker process of its own (`npm run worker`) on a machine shared with the web server gives
 * way to it: X waits on the webhook's acknowledgement (and retries, then flags the webhook,
 * when it is slow), while a reply waits in a durable queue. In a 30-second run of the bench's
 * servers on 2 cores, at 246 deliveries/s with the worker alongside, the ack p50 went from 267 ms
 * to 20 ms and reply → cart did not get slower. Only this (main) thread's priority changes, not
 * the Postgres backends serving it. On a machine of its own the worker has nothing to give way
 * to. (npm start's in-process worker keeps its priority: it shares its process with the
 * simulator.)
 */
export function yieldCpuToWebServer(log: (line: string) => void) {
  try {
    os.setPriority(Math.max(os.getPriority(), WORKER_NICENESS));
  } catch (error) {
    log(`could not lower the worker's CPU priority: ${(error as Error).message}`);
  }
}
