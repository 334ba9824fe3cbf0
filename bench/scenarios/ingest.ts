import { checkIntegrity, drain } from "../lib/checks";
import type { Delivery } from "../lib/deliveries";
import { drive } from "../lib/load";
import { peakRssMiB, type Service } from "../lib/processes";
import { fixed, ratio, type Scenario } from "../lib/report";
import { APP_URL, CONNECTIONS } from "../lib/setup";
import { acked, ackRate, asRequests, deliveriesOf, latencyLine, replyIds } from "../lib/traffic";
import type { BenchContext } from "./context";

const ingest = (label: string, deliveries: Delivery[]) =>
  drive({
    url: APP_URL,
    label,
    requests: asRequests(deliveries),
    amount: deliveries.length,
    connections: CONNECTIONS,
  });

/**
 * 3: ingest through Next: first with the worker stopped, so that only the web server runs
 * beside the load generator, as for the no-op ceiling; then as much again with the worker
 * processing alongside, as it runs in production on one machine. Starts that worker and hands
 * it back running, with the peak memory of both processes for scenario 10.
 */
export async function ingestScenario(
  context: BenchContext,
  ceilings: { noopRate: number; dbCeiling: number },
  log: (line: string) => void,
): Promise<{
  scenario: Scenario;
  ackRate: number;
  worker: Service;
  memory: { web: number; worker: number };
}> {
  const { db, posts } = context;
  const { noopRate, dbCeiling } = ceilings;
  const first = deliveriesOf(posts, 10_000, 0.2, 0.05);
  const alone = await ingest("ingest, worker stopped", first);
  const aloneRate = ackRate(alone);
  // Its backlog holds the warm-up's and scenario 2's replies too.
  const worker = context.startWorker("worker");
  const backlogSeconds = await drain(db);
  const second = deliveriesOf(posts, 10_000, 0.2, 0.05);
  const alongside = await ingest("ingest, worker alongside", second);
  const alongsideRate = ackRate(alongside);
  const drainSeconds = await drain(db);
  const mixed = [...first, ...second];
  const bad = mixed.filter((delivery) => delivery.replyId === null).length;
  const refused = (alone.statuses["401"] ?? 0) + (alongside.statuses["401"] ?? 0);
  const integrity = await checkIntegrity(db, replyIds(mixed));
  const memory = { web: peakRssMiB(context.web), worker: peakRssMiB(worker) };
  if (integrity.notAdded) log(`outcomes: ${JSON.stringify(integrity.outcomes)}`);
  const scenario: Scenario = {
    name: "3. Ingest: 2 × 10,000 signed deliveries (XAA, stream, AAA; 20 % duplicates, 5 % bad signatures)",
    rows: [
      { metric: "acks/s, worker stopped", value: fixed(aloneRate) },
      { metric: "ack latency, worker stopped", value: latencyLine(alone) },
      {
        metric: "÷ no-op route",
        value: ratio(aloneRate / noopRate),
        target: "≥ 0.80 ×",
        ok: aloneRate / noopRate >= 0.8,
      },
      {
        metric: "then one worker processed the backlog (warm-ups, 2, 3) in",
        value: `${backlogSeconds.toFixed(1)} s`,
      },
      { metric: "acks/s, worker processing alongside", value: fixed(alongsideRate) },
      { metric: "ack latency, worker alongside", value: latencyLine(alongside) },
      { metric: "alongside ÷ no-op route", value: ratio(alongsideRate / noopRate) },
      { metric: "alongside ÷ database ceiling", value: ratio(alongsideRate / dbCeiling) },
      { metric: "the worker drained the rest in", value: `${drainSeconds.toFixed(1)} s` },
      {
        metric: "non-2xx",
        value: String(alone.requests - acked(alone) + alongside.requests - acked(alongside)),
      },
      {
        metric: "lost / not in a cart",
        value: `${integrity.lost} / ${integrity.notAdded} of ${integrity.expected}`,
        target: "0 / 0",
        ok: integrity.lost === 0 && integrity.notAdded === 0,
      },
      {
        metric: "doubled cart lines",
        value: String(integrity.doubledLines),
        target: "0",
        ok: integrity.doubledLines === 0,
      },
      {
        metric: "bot answers (one per reply)",
        value: `${integrity.answers} of ${integrity.expected}`,
        target: "equal",
        ok: integrity.answers === integrity.expected,
      },
      {
        metric: "bad signatures answered 401",
        value: `${refused} of ${bad}`,
        target: "all",
        ok: refused === bad,
      },
    ],
  };
  return { scenario, ackRate: alongsideRate, worker, memory };
}

/** 10: the peak memory scenario 3 measured. */
export function memoryScenario(memory: { web: number; worker: number }): Scenario {
  return {
    name: "10. Memory (peak RSS during scenario 3)",
    rows: [
      {
        metric: "web (scripts/serve.ts)",
        value: `${memory.web} MiB`,
        target: "< 512 MiB",
        ok: memory.web < 512,
      },
      {
        metric: "worker",
        value: `${memory.worker} MiB`,
        target: "< 512 MiB",
        ok: memory.worker < 512,
      },
    ],
  };
}
