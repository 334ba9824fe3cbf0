// npm run bench: the ingest pipeline measured on this machine against the production build.
// Every ratio compares figures of this same run (same machine, same concurrency).
import { webServerCommand } from "../scripts/lib/web-server-command";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { checkIntegrity, count, databaseCeiling, drain } from "./lib/checks";
import { drive } from "./lib/load";
import {
  assertPortFree,
  peakRssMiB,
  startService,
  waitForUrl,
  type Service,
} from "./lib/processes";
import { fixed, printScenario, ratio, saveResults, type Scenario } from "./lib/report";
import { APP_URL, benchEnv, CORE_PORT, freshDatabase, seedShoppers, SHOPPERS } from "./lib/setup";
import { acked, asRequests, deliveriesOf, latencyLine } from "./lib/traffic";
import type { Delivery } from "./lib/deliveries";
import { cartPageScenario } from "./scenarios/cart-page";
import type { BenchContext } from "./scenarios/context";
import { growthScenario } from "./scenarios/growth";
import { latencyScenarios, latencyWithoutWorker } from "./scenarios/latency";
import { workersScenario } from "./scenarios/workers";

const CONNECTIONS = 50;
const CORE_DELIVERIES = 30_000;
const LOGS = path.join("bench", "results", "logs");
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
    const posts = await seedShoppers(database.url);
    log(`${SHOPPERS} linked shoppers, ${posts.length} product posts`);
    const env = benchEnv(database.url);
    for (const port of [Number(env.PORT), CORE_PORT]) await assertPortFree(port);
    await buildIfNeeded(env, log);
    const web = startService("web", ...webServerCommand(), { ...env, HOST: "127.0.0.1" }, LOGS);
    const core = startService(
      "ingest-core",
      process.execPath,
      ["--import", "tsx", "bench/ingest-server.ts"],
      env,
      LOGS,
    );
    const startWorker = (name: string) => {
      const service = startService(
        name,
        process.execPath,
        ["--import", "tsx", "scripts/worker.ts"],
        env,
        LOGS,
      );
      services.push(service);
      return service;
    };
    // The worker starts after scenario 2: the ceilings, the ingest core and the first half of
    // scenario 3 are measured with nothing else busy beside the load generator.
    services.push(web, core);
    const context: BenchContext = { db, url: database.url, posts, env, web, startWorker };
    await waitForUrl(`${APP_URL}/api/health`);
    await waitForUrl(`http://127.0.0.1:${CORE_PORT}/`);
    // Warm both servers' code and pools up before measuring anything.
    for (const url of [APP_URL, `http://127.0.0.1:${CORE_PORT}`])
      await drive({
        url,
        label: "warm-up",
        requests: asRequests(deliveriesOf(posts, 500)),
        amount: 500,
        connections: 10,
      });

    // 1. Ceilings
    const noopBody = deliveriesOf(posts, 1)[0]!;
    const noop = await drive({
      url: APP_URL,
      label: "no-op route",
      requests: asRequests([noopBody], "/api/bench/noop"),
      duration: 10,
      connections: CONNECTIONS,
    });
    const dbCeiling = await databaseCeiling(database.url, CONNECTIONS, 10);
    record({
      name: "1. Ceilings",
      rows: [
        { metric: "no-op Next.js route (req/s)", value: fixed(noop.perSecond) },
        { metric: "no-op latency", value: latencyLine(noop) },
        { metric: "inbox insert alone via pg (rows/s)", value: fixed(dbCeiling) },
      ],
    });

    // 2. Ingest core without the framework: 30,000 deliveries (some 6 s), so that the first
    // second's ramp does not weigh on the figure as it did on 10,000 (about 2 s).
    const coreResult = await drive({
      url: `http://127.0.0.1:${CORE_PORT}`,
      label: "ingest core",
      requests: asRequests(deliveriesOf(posts, CORE_DELIVERIES)),
      amount: CORE_DELIVERIES,
      connections: CONNECTIONS,
    });
    record({
      name: `2. Ingest core (bare node:http, ${CORE_DELIVERIES.toLocaleString("en")} deliveries)`,
      rows: [
        { metric: "acks/s", value: fixed(coreResult.perSecond) },
        { metric: "latency", value: latencyLine(coreResult) },
        {
          metric: "÷ database ceiling",
          value: ratio(coreResult.perSecond / dbCeiling),
          target: "≥ 0.50 ×",
          ok: coreResult.perSecond / dbCeiling >= 0.5,
        },
      ],
    });

    // 3. Ingest through Next: first with the worker stopped, so that only the web server runs
    // beside the load generator, as for the no-op ceiling; then as much again with the worker
    // processing alongside, as it runs in production on one machine.
    const mixedIngest = (label: string, deliveries: Delivery[]) =>
      drive({
        url: APP_URL,
        label,
        requests: asRequests(deliveries),
        amount: deliveries.length,
        connections: CONNECTIONS,
      });
    const first = deliveriesOf(posts, 10_000, 0.2, 0.05);
    const alone = await mixedIngest("ingest, worker stopped", first);
    const aloneRate = acked(alone) / alone.seconds;
    // Its backlog holds the warm-up's and scenario 2's replies too.
    let worker = startWorker("worker");
    const backlogSeconds = await drain(db);
    const second = deliveriesOf(posts, 10_000, 0.2, 0.05);
    const ingest = await mixedIngest("ingest, worker alongside", second);
    const ackRate = acked(ingest) / ingest.seconds;
    const drainSeconds = await drain(db);
    const mixed = [...first, ...second];
    const bad = mixed.filter((delivery) => delivery.replyId === null).length;
    const refused = (alone.statuses["401"] ?? 0) + (ingest.statuses["401"] ?? 0);
    const integrity = await checkIntegrity(
      db,
      mixed.flatMap((delivery) => (delivery.replyId ? [delivery.replyId] : [])),
    );
    const memory = { web: peakRssMiB(web), worker: peakRssMiB(worker) };
    if (integrity.notAdded) log(`outcomes: ${JSON.stringify(integrity.outcomes)}`);
    record({
      name: "3. Ingest: 2 × 10,000 signed deliveries (XAA, stream, AAA; 20 % duplicates, 5 % bad signatures)",
      rows: [
        { metric: "acks/s, worker stopped", value: fixed(aloneRate) },
        { metric: "ack latency, worker stopped", value: latencyLine(alone) },
        {
          metric: "÷ no-op route",
          value: ratio(aloneRate / noop.perSecond),
          target: "≥ 0.80 ×",
          ok: aloneRate / noop.perSecond >= 0.8,
        },
        {
          metric: "then one worker processed the backlog (warm-ups, 2, 3) in",
          value: `${backlogSeconds.toFixed(1)} s`,
        },
        { metric: "acks/s, worker processing alongside", value: fixed(ackRate) },
        { metric: "ack latency, worker alongside", value: latencyLine(ingest) },
        { metric: "alongside ÷ no-op route", value: ratio(ackRate / noop.perSecond) },
        { metric: "alongside ÷ database ceiling", value: ratio(ackRate / dbCeiling) },
        { metric: "the worker drained the rest in", value: `${drainSeconds.toFixed(1)} s` },
        {
          metric: "non-2xx",
          value: String(alone.requests - acked(alone) + ingest.requests - acked(ingest)),
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
    });

    // 5. Duplicate storm: every event 4 times, against as many fresh deliveries
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
    const stormIntegrity = await checkIntegrity(
      db,
      once.map((delivery) => delivery.replyId!),
    );
    const stormRatio = acked(stormResult) / stormResult.seconds / (acked(fresh) / fresh.seconds);
    record({
      name: "5. Duplicate storm (each event 4 times)",
      rows: [
        { metric: "fresh acks/s", value: fixed(acked(fresh) / fresh.seconds) },
        { metric: "storm acks/s", value: fixed(acked(stormResult) / stormResult.seconds) },
        {
          metric: "storm ÷ fresh",
          value: ratio(stormRatio),
          target: "≥ 1.00 ×",
          ok: stormRatio >= 1,
        },
        {
          metric: "duplicate cart lines / bot replies",
          value: `${stormIntegrity.doubledLines} / ${stormIntegrity.answers - stormIntegrity.expected}`,
          target: "0 / 0",
          ok:
            stormIntegrity.doubledLines === 0 && stormIntegrity.answers === stormIntegrity.expected,
        },
      ],
    });

    // 4 once more with the worker stopped, for comparison; the next worker then works off its
    // replies before scenario 4 starts.
    await worker.stop();
    const withoutWorker = await latencyWithoutWorker(context, ackRate);
    worker = startWorker("worker-after-4");
    await drain(db);
    const { steadyScenario, burstScenario } = await latencyScenarios(
      context,
      ackRate,
      withoutWorker,
    );
    record(steadyScenario);
    record(burstScenario);
    record(await cartPageScenario(context));
    record(await growthScenario(context, ackRate));
    await worker.stop();
    record(await workersScenario(context));

    // 10. Memory
    record({
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
    });
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
