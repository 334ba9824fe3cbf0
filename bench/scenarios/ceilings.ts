import { databaseCeiling } from "../lib/checks";
import { drive } from "../lib/load";
import { fixed, type Scenario } from "../lib/report";
import { APP_URL, CONNECTIONS } from "../lib/setup";
import { asRequests, deliveriesOf, latencyLine } from "../lib/traffic";
import type { BenchContext } from "./context";

/** 1: what the framework alone (a no-op route) and the database alone (the inbox insert) do. */
export async function ceilingsScenario(
  context: BenchContext,
): Promise<{ scenario: Scenario; noopRate: number; dbCeiling: number }> {
  const noopBody = deliveriesOf(context.posts, 1)[0]!;
  const noop = await drive({
    url: APP_URL,
    label: "no-op route",
    requests: asRequests([noopBody], "/api/bench/noop"),
    duration: 10,
    connections: CONNECTIONS,
  });
  const dbCeiling = await databaseCeiling(context.url, CONNECTIONS, 10);
  return {
    scenario: {
      name: "1. Ceilings",
      rows: [
        { metric: "no-op Next.js route (req/s)", value: fixed(noop.perSecond) },
        { metric: "no-op latency", value: latencyLine(noop) },
        { metric: "inbox insert alone via pg (rows/s)", value: fixed(dbCeiling) },
      ],
    },
    noopRate: noop.perSecond,
    dbCeiling,
  };
}
