// npm run bench: the ingest pipeline measured on this machine against the production build.
// Every ratio compares figures of this same run (same machine, same concurrency).
import os from "node:os";
import pg from "pg";
import { count, drain } from "./lib/checks";
import type { Service } from "./lib/processes";
import { printScenario, saveResults, type Scenario } from "./lib/report";
import { freshDatabase } from "./lib/setup";
import { cartPageScenario } from "./scenarios/cart-page";
import { ceilingsScenario } from "./scenarios/ceilings";
import { startBench } from "./scenarios/context";
import { duplicateStormScenario } from "./scenarios/duplicate-storm";
import { growthScenario } from "./scenarios/growth";
import { ingestScenario, memoryScenario } from "./scenarios/ingest";
import { ingestCoreScenario } from "./scenarios/ingest-core";
import { latencyScenarios, latencyWithoutWorker } from "./scenarios/latency";
import { workersScenario } from "./scenarios/workers";

const log = (line: string) => console.log(`[bench] ${line}`);
const scenarios: Scenario[] = [];
const services: Service[] = [];

function record(scenario: Scenario) {
  scenarios.push(scenario);
  printScenario(scenario);
}

async function main() {
  log(`${os.cpus().length} cores, Node ${process.version}`);
  const database = await freshDatabase(log);
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    const context = await startBench({ url: database.url, db }, services, log);
    // The worker starts halfway through scenario 3: the ceilings, the ingest core and the first
    // half of scenario 3 are measured with nothing else busy beside the load generator.
    const ceilings = await ceilingsScenario(context);
    record(ceilings.scenario);
    record(await ingestCoreScenario(context, ceilings.dbCeiling));
    const ingest = await ingestScenario(context, ceilings, log);
    record(ingest.scenario);
    record(await duplicateStormScenario(context));

    // 4 once more with the worker stopped, for comparison; the next worker then works off its
    // replies before scenario 4 starts.
    await ingest.worker.stop();
    const withoutWorker = await latencyWithoutWorker(context, ingest.ackRate);
    const worker = context.startWorker("worker-after-4");
    await drain(db);
    const { steadyScenario, burstScenario } = await latencyScenarios(
      context,
      ingest.ackRate,
      withoutWorker,
    );
    record(steadyScenario);
    record(burstScenario);
    record(await cartPageScenario(context));
    record(await growthScenario(context, ingest.ackRate));
    // Scenario 8 starts workers of its own.
    await worker.stop();
    record(await workersScenario(context));

    record(memoryScenario(ingest.memory));
    log(`inbox rows at the end: ${await count(db, `SELECT count(*) AS n FROM "TweetEvent"`)}`);
  } finally {
    for (const service of services) await service.stop().catch(() => undefined);
    await db.end();
    await database.drop();
  }
  const file = saveResults(scenarios);
  const missed = scenarios.flatMap((scenario) => scenario.rows.filter((row) => row.ok === false));
  log(`results in ${file}`);
  log(missed.length ? `${missed.length} targets missed` : "every target met");
  return missed.length ? 1 : 0;
}

// Ctrl-C stops the servers the bench started, then the bench.
process.once("SIGINT", () => {
  void Promise.all(services.map((service) => service.stop().catch(() => undefined))).then(() =>
    process.exit(130),
  );
});

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    for (const service of services) await service.stop().catch(() => undefined);
    process.exit(2);
  },
);
