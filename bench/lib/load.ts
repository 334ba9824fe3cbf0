import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { Pool } from "undici";

export type LoadResult = {
  requests: number;
  seconds: number;
  perSecond: number;
  latency: { p50: number; p95: number; p99: number; p999: number; max: number };
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
};

type Request = {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
};

/**
 * Drives `url` with autocannon: `connections` concurrent keep-alive connections sending the
 * given requests in order (each once when `amount` is their count), or for `duration` seconds,
 * optionally capped at `rate` requests a second overall. Shows a line of progress each second.
 */
export async function drive(options: {
  url: string;
  label: string;
  requests: Request[];
  connections?: number;
  amount?: number;
  duration?: number;
  rate?: number;
}): Promise<LoadResult> {
  const { requests } = options;
  let next = 0;
  // Our own clock: autocannon ends a run only at its next one-second sample, so with `amount`
  // its duration is rounded up to a whole second (10,000 deliveries in 2.4 s read as 3.0 s).
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 30,
    // One request object; each send takes the next prepared request, so 10,000 different signed
    // bodies go out once each, shared across the connections.
    requests: [
      {
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length]!;
          return {
            ...request,
            method: chosen.method,
            path: chosen.path,
            body: chosen.body,
            headers: { ...request.headers, ...chosen.headers },
          };
        },
      },
    ],
  }) as unknown as EventEmitter & Promise<autocannon.Result>;
  // Each response's time as measured by autocannon, for exact percentiles (its summary has no
  // p95).
  const times: number[] = [];
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    times.push(ms);
    lastAnswer = performance.now();
  });
  const ticker = setInterval(
    () => process.stdout.write(`\r  ${options.label}: ${times.length} responses`),
    1000,
  );
  const result = await instance;
  clearInterval(ticker);
  const seconds = (lastAnswer - started) / 1000;
  process.stdout.write(
    `\r  ${options.label}: ${result.requests.total} requests in ${seconds.toFixed(2)} s\n`,
  );
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = stat?.count ?? 0;
  return {
    requests: result.requests.total,
    seconds,
    perSecond: result.requests.total / seconds,
    latency: latencyOf(times),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Open-loop load for the latency scenarios: requests start at `rate` a second, evenly spaced,
 * whatever the server's answers, as X sends replies when shoppers write them. (autocannon's
 * rate limit lets each of its connections send its share of a second back to back when the
 * second starts, so "70 % of peak" arrived as bursts of 50 at once.) The requests go through an
 * undici pool of `connections` keep-alive connections; each latency counts from the request's
 * scheduled start, so time spent queued behind a slow server counts too.
 */
export async function driveAtRate(options: {
  url: string;
  label: string;
  requests: Request[];
  rate: number;
  seconds: number;
  connections?: number;
}): Promise<LoadResult> {
  const { requests, rate } = options;
  const total = Math.round(rate * options.seconds);
  const pool = new Pool(options.url, {
    connections: options.connections ?? 50,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const send = async (request: Request, scheduled: number) => {
    try {
      const response = await pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
      });
      await response.body.dump();
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      times.push(performance.now() - scheduled);
    } catch {
      errors += 1;
    }
  };
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const ticker = setInterval(
    () => process.stdout.write(`\r  ${options.label}: ${times.length} responses`),
    1000,
  );
  await new Promise<void>((resolve) => {
    // Every few ms, start whatever is due by now: a late timer starts the overdue requests at
    // once, and their latency still counts from when they were due.
    const timer = setInterval(() => {
      const due = dueBy((performance.now() - started) / 1000, rate, total);
      for (let sent = pending.length; sent < due; sent++)
        pending.push(send(requests[sent % requests.length]!, started + dueAt(sent, rate)));
      if (pending.length >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  await pool.close();
  process.stdout.write(`\r  ${options.label}: ${total} requests in ${seconds.toFixed(1)} s\n`);
  return {
    requests: total,
    seconds,
    perSecond: total / seconds,
    latency: latencyOf(times),
    statuses,
    errors,
    timeouts: 0,
  };
}

/** When request `n` (from 0) of an open-loop run at `rate` a second is due, in ms from its start. */
export const dueAt = (n: number, rate: number) => (n / rate) * 1000;

/**
 * How many of an open-loop run's `total` requests are due `elapsed` seconds after its start:
 * request n is due at n / rate s, so n + 1 are due by then. (Counting n sent every request one
 * interval late, and at the CRC checks' 10 a second that added 100 ms to each of their latencies.)
 */
export const dueBy = (elapsed: number, rate: number, total: number) =>
  // The epsilon: n / rate * rate can come out a hair below n in floating point.
  Math.min(total, Math.floor(elapsed * rate + 1e-9) + 1);

const latencyOf = (times: number[]): LoadResult["latency"] => ({
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  p99: percentile(times, 99),
  p999: percentile(times, 99.9),
  max: percentile(times, 100),
});

/** The value below which `p` % of the samples fall (nearest rank), in ms to 0.1. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round(sorted[rank - 1]! * 10) / 10;
}
