import { checkIntegrity, drain } from "../lib/checks";
import { drive } from "../lib/load";
import { fixed, ratio, type Scenario } from "../lib/report";
import { APP_URL, CONNECTIONS } from "../lib/setup";
import { ackRate, asRequests, deliveriesOf } from "../lib/traffic";
import type { BenchContext } from "./context";

/** 5: every event 4 times, against as many fresh deliveries (the worker running). */
export async function duplicateStormScenario(context: BenchContext): Promise<Scenario> {
  const { db, posts } = context;
  const fresh = await drive({
    url: APP_URL,
    label: "fresh",
    requests: asRequests(deliveriesOf(posts, 4_000)),
    amount: 4_000,
    connections: CONNECTIONS,
  });
  await drain(db);
  const once = deliveriesOf(posts, 1_000);
  const storm = [...once, ...once, ...once, ...once];
  const stormResult = await drive({
    url: APP_URL,
    label: "duplicate storm",
    requests: asRequests(storm),
    amount: storm.length,
    connections: CONNECTIONS,
  });
  await drain(db);
  const integrity = await checkIntegrity(
    db,
    once.map((delivery) => delivery.replyId!),
  );
  const stormRatio = ackRate(stormResult) / ackRate(fresh);
  return {
    name: "5. Duplicate storm (each event 4 times)",
    rows: [
      { metric: "fresh acks/s", value: fixed(ackRate(fresh)) },
      { metric: "storm acks/s", value: fixed(ackRate(stormResult)) },
      {
        metric: "storm ÷ fresh",
        value: ratio(stormRatio),
        target: "≥ 1.00 ×",
        ok: stormRatio >= 1,
      },
      {
        metric: "duplicate cart lines / bot replies",
        value: `${integrity.doubledLines} / ${integrity.answers - integrity.expected}`,
        target: "0 / 0",
        ok: integrity.doubledLines === 0 && integrity.answers === integrity.expected,
      },
    ],
  };
}
