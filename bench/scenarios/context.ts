import path from "node:path";
import type pg from "pg";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { webServerCommand } from "../../scripts/lib/web-server-command";
import { drive } from "../lib/load";
import { assertPortFree, startService, waitForUrl, type Service } from "../lib/processes";
import { APP_URL, benchEnv, CORE_PORT, seedShoppers, SHOPPERS } from "../lib/setup";
import { asRequests, deliveriesOf } from "../lib/traffic";

/** What every scenario gets: the database, the brand's posts, the app's environment, services. */
export type BenchContext = {
  db: pg.Pool;
  url: string;
  posts: string[];
  env: NodeJS.ProcessEnv;
  web: Service;
  startWorker: (name: string) => Service;
};

const LOGS = path.join("bench", "results", "logs");

/**
 * Seeds the shoppers, builds the app when its sources changed, starts the web server and the
 * ingest core (no worker) and warms both up. Every service it starts, workers started later
 * included, goes into `services` at once, for the caller to stop on failure and on Ctrl-C.
 */
export async function startBench(
  database: { url: string; db: pg.Pool },
  services: Service[],
  log: (line: string) => void,
): Promise<BenchContext> {
  const posts = await seedShoppers(database.url);
  log(`${SHOPPERS} linked shoppers, ${posts.length} product posts`);
  const env = benchEnv(database.url);
  for (const port of [Number(env.PORT), CORE_PORT]) await assertPortFree(port);
  await buildIfNeeded(env, log);
  const start = (name: string, command: string, args: string[], serviceEnv = env) => {
    const service = startService(name, command, args, serviceEnv, LOGS);
    services.push(service);
    return service;
  };
  const web = start("web", ...webServerCommand(), { ...env, HOST: "127.0.0.1" });
  start("ingest-core", process.execPath, ["--import", "tsx", "bench/ingest-server.ts"]);
  const startWorker = (name: string) =>
    start(name, process.execPath, ["--import", "tsx", "scripts/worker.ts"]);
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
  return { db: database.db, url: database.url, posts, env, web, startWorker };
}
