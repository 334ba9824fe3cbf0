import { drain } from "../lib/checks";
import { driveAtRate, percentile, type LoadResult } from "../lib/load";
import { ms, ratio, type Scenario } from "../lib/report";
import { APP_URL } from "../lib/setup";
import { acked, asRequests, deliveriesOf, latencyLine, replyIds } from "../lib/traffic";
import type { BenchContext } from "./context";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

/** Deliveries at `rate` a second, then the wait until the worker has put their replies in carts. */
async function steady(context: BenchContext, label: string, rate: number) {
  const { load, crc, deliveries } = await deliverAt(context, label, rate);
  const drained = await drain(context.db);
  // Reply → committed cart line: from the inbox commit to the processing commit.
  const { rows } = await context.db.query<{ ms: number }>(
    `SELECT extract(epoch FROM ("processedAt" - "receivedAt")) * 1000 AS ms
     FROM "TweetEvent" WHERE "tweetId" = ANY($1) AND outcome = 'ADDED'`,
    [replyIds(deliveries)],
  );
  const toCart = rows.map((row) => Number(row.ms));
  return { load, crc, drained, toCart };
}

/** 70 % of the measured peak (the rate scenario 4 runs at). */
export const steadyRate = (peak: number) => Math.max(1, Math.round(peak * 0.7));

/**
 * Scenario 4's load with no worker running, only the web server beside the load generator: the
 * same run's measure of what the worker's share of the cores costs the acknowledgements. Its
 * replies wait in the inbox for the next worker.
 */
export async function latencyWithoutWorker(context: BenchContext, peak: number) {
  const rate = steadyRate(peak);
  const { load, crc } = await deliverAt(context, `${rate}/s, worker stopped`, rate);
  return { ackP99: load.latency.p99, crcP99: crc.latency.p99 };
}

async function deliverAt(context: BenchContext, label: string, rate: number) {
  const deliveries = deliveriesOf(context.posts, Math.ceil(rate * SECONDS));
  const [load, crc] = await Promise.all([
    driveAtRate({
      url: APP_URL,
      label,
      requests: asRequests(deliveries),
      rate,
      seconds: SECONDS,
    }),
    driveAtRate({
      url: APP_URL,
      label: `${label} CRC`,
      requests: [{ method: "GET", path: "/api/x/webhook?crc_token=bench" }],
      rate: 10,
      seconds: SECONDS,
      connections: 2,
    }),
  ]);
  return { load, crc, deliveries };
}

/** 4 and 6: latency at 70 % of the measured peak, then a burst at twice that rate. */
export async function latencyScenarios(
  context: BenchContext,
  peak: number,
  withoutWorker: { ackP99: number; crcP99: number },
): Promise<{ steadyScenario: Scenario; burstScenario: Scenario }> {
  const rate = steadyRate(peak);
  const calm = await steady(context, `70 % of peak (${rate}/s)`, rate);
  const burst = await steady(context, `burst (${rate * 2}/s)`, rate * 2);
  const sent = (result: LoadResult) => `${acked(result)} acked of ${result.requests}`;
  return {
    steadyScenario: {
      name: `4. Latency at 70 % of peak (${rate} deliveries/s for ${SECONDS} s)`,
      rows: [
        { metric: "deliveries", value: sent(calm.load) },
        {
          metric: "ack p99",
          value: ms(calm.load.latency.p99),
          target: "< 100 ms",
          ok: calm.load.latency.p99 < 100,
        },
        { metric: "ack latency", value: latencyLine(calm.load) },
        {
          metric: "CRC p99",
          value: ms(calm.crc.latency.p99),
          target: "< 30 ms",
          ok: calm.crc.latency.p99 < 30,
        },
        {
          metric: "ack p99 / CRC p99 at the same rate, worker stopped (before)",
          value: `${ms(withoutWorker.ackP99)} / ${ms(withoutWorker.crcP99)}`,
        },
        { metric: "reply → cart p50", value: ms(percentile(calm.toCart, 50)) },
        {
          metric: "reply → cart p95",
          value: ms(percentile(calm.toCart, 95)),
          target: "< 1000 ms",
          ok: percentile(calm.toCart, 95) < 1000,
        },
      ],
    },
    burstScenario: {
      name: `6. Burst (${rate * 2} deliveries/s for ${SECONDS} s)`,
      rows: [
        { metric: "deliveries", value: sent(burst.load) },
        { metric: "ack latency", value: latencyLine(burst.load) },
        {
          metric: "ack p99 ÷ steady",
          value: ratio(burst.load.latency.p99 / calm.load.latency.p99),
          target: "≤ 1.50 ×",
          ok: burst.load.latency.p99 / calm.load.latency.p99 <= 1.5,
        },
        {
          metric: "backlog drained after the burst in",
          value: `${burst.drained.toFixed(1)} s`,
          target: "≤ 60 s",
          ok: burst.drained <= 60,
        },
      ],
    },
  };
}
