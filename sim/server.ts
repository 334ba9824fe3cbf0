import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { resolveOptions, type SimContext, type SimOptions } from "./context";
import { DeliveryEngine } from "./delivery/delivery-engine";
import { mountSimRoutes } from "./helpers/sim-routes";
import { mountApiRoutes } from "./http/route";
import { RateLimiter } from "./http/rate-limit";
import { mountAuthorizeRoutes } from "./oauth/authorize-routes";
import { mountTokenRoutes } from "./oauth/token-routes";
import { apiRoutes } from "./routes";
import { DEFAULT_APP } from "./state/seed";
import { mergeApps, Store } from "./state/store";
import type { SimApp } from "./state/types";
import { StreamHub } from "./stream/stream-hub";
import { mountUi } from "./ui/ui-routes";
import { startCrcTimer } from "./webhooks/crc-timer";
import { aboutBlank, problemResponse } from "./http/problems";

export type { SimOptions } from "./context";
export type { SimApp } from "./state/types";

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Builds the Hono app and the simulator's live parts, without listening. */
export function createSimulator(options: SimOptions) {
  const resolved = resolveOptions(options);
  const apps: SimApp[] = resolved.apps.length ? resolved.apps : [DEFAULT_APP];
  const now = options.now ?? Date.now;
  const store = new Store(resolved.snapshotPath, resolved.fresh);
  mergeApps(store.state, apps);
  const sim: SimContext = {
    store,
    options: resolved,
    limiter: new RateLimiter(now),
    delivery: new DeliveryEngine(store, resolved, now),
    streams: new StreamHub(),
    requests: new Map(),
    now,
  };
  const app = new Hono();
  mountAuthorizeRoutes(app, sim);
  mountTokenRoutes(app, sim);
  mountApiRoutes(app, sim, apiRoutes);
  mountSimRoutes(app, sim, () => {
    sim.streams.disconnect();
    sim.limiter.reset();
    sim.requests.clear();
    store.reset(apps);
  });
  mountUi(app, sim);
  app.notFound((c) =>
    c.req.path.startsWith("/2/")
      ? problemResponse(c, 404, aboutBlank(404, "Not Found", "Sorry, that page does not exist."))
      : c.text("Not found", 404),
  );
  return { app, sim };
}

export async function startSimulator(options: SimOptions): Promise<RunningSimulator> {
  const { app, sim } = createSimulator(options);
  const host = sim.options.host;
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(sim.options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const stopCrc = startCrcTimer(sim);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  let closed = false;
  return {
    url,
    port,
    async close() {
      if (closed) return;
      closed = true;
      stopCrc();
      sim.streams.disconnect();
      sim.delivery.close();
      sim.store.saveNow();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
