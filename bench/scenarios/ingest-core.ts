import { drive } from "../lib/load";
import { fixed, ratio, type Scenario } from "../lib/report";
import { CONNECTIONS, CORE_PORT } from "../lib/setup";
import { asRequests, deliveriesOf, latencyLine } from "../lib/traffic";
import type { BenchContext } from "./context";

const DELIVERIES = 30_000;

/**
 * 2: the ingest core without the framework: 30,000 deliveries (some 6 s), so that the first
 * second's ramp does not weigh on the figure as it did on 10,000 (about 2 s).
 */
export async function ingestCoreScenario(
  context: BenchContext,
  dbCeiling: number,
): Promise<Scenario> {
  const result = await drive({
    url: `http://127.0.0.1:${CORE_PORT}`,
    label: "ingest core",
    requests: asRequests(deliveriesOf(context.posts, DELIVERIES)),
    amount: DELIVERIES,
    connections: CONNECTIONS,
  });
  return {
    name: `2. Ingest core (bare node:http, ${DELIVERIES.toLocaleString("en")} deliveries)`,
    rows: [
      { metric: "acks/s", value: fixed(result.perSecond) },
      { metric: "latency", value: latencyLine(result) },
      {
        metric: "÷ database ceiling",
        value: ratio(result.perSecond / dbCeiling),
        target: "≥ 0.50 ×",
        ok: result.perSecond / dbCeiling >= 0.5,
      },
    ],
  };
}
