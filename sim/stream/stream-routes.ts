import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { problemResponse } from "../http/problems";
import { MIN15 } from "../http/rate-limit";
import type { ApiRoute } from "../http/route";
import { parseViewParams } from "../api/view-params";
import { webhookFailure } from "../webhooks/webhook-failure";
import type { StreamConnection } from "./stream-hub";

// GET /2/tweets/search/stream - newline-delimited posts, a bare \r\n as keep-alive
function openStream(c: Context, auth: AuthInfo, sim: SimContext) {
  if (sim.streams.has(auth.app.clientId)) {
    return problemResponse(c, 429, {
      title: "ConnectionException",
      detail: "This stream is currently at the maximum allowed connection limit.",
      connection_issue: "TooManyConnections",
      type: "https://api.x.com/2/problems/streaming-connection",
    });
  }
  const view = parseViewParams(c);
  if (view instanceof Response) return view;
  const encoder = new TextEncoder();
  let connection: StreamConnection | null = null;
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    if (connection) sim.streams.remove(connection);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      connection = {
        clientId: auth.app.clientId,
        view,
        send(chunk) {
          if (open) controller.enqueue(encoder.encode(chunk));
        },
        close(finalMessage) {
          if (!open) return;
          if (finalMessage) controller.enqueue(encoder.encode(`${finalMessage}\r\n`));
          open = false;
          stop();
          controller.close();
        },
      };
      sim.streams.add(connection);
      // The first keep-alive goes out at once, so the client sees the connection open.
      connection.send("\r\n");
      timer = setInterval(() => connection?.send("\r\n"), sim.options.keepAliveMs);
    },
    cancel: stop,
  });
  return c.body(body, 200, { "content-type": "application/json; charset=utf-8" });
}

function linkWebhook(c: Context, auth: AuthInfo, sim: SimContext) {
  const id = c.req.param("webhook_id") ?? "";
  const state = sim.store.state;
  if (!state.webhooks.some((w) => w.id === id && w.clientId === auth.app.clientId)) {
    return problemResponse(
      c,
      400,
      webhookFailure(
        "WebhookIdInvalid",
        `Webhook ${id} was not found or is not associated with your app.`,
      ),
    );
  }
  const fields: Record<string, string> = {};
  for (const name of ["tweet.fields", "user.fields", "expansions"]) {
    const value = c.req.query(name);
    if (value) fields[name] = value;
  }
  state.streamLinks = state.streamLinks.filter(
    (l) => !(l.webhookId === id && l.clientId === auth.app.clientId),
  );
  state.streamLinks.push({
    webhookId: id,
    clientId: auth.app.clientId,
    createdAt: new Date(sim.now()).toISOString(),
    fields,
  });
  sim.store.changed();
  return c.json({ data: { provisioned: true } });
}

function unlinkWebhook(c: Context, auth: AuthInfo, sim: SimContext) {
  const id = c.req.param("webhook_id") ?? "";
  const state = sim.store.state;
  const before = state.streamLinks.length;
  state.streamLinks = state.streamLinks.filter(
    (l) => !(l.webhookId === id && l.clientId === auth.app.clientId),
  );
  if (state.streamLinks.length === before) {
    return problemResponse(
      c,
      400,
      webhookFailure("WebhookIdInvalid", `Webhook ${id} is not linked to the filtered stream.`),
    );
  }
  sim.store.changed();
  return c.json({ data: { deleted: true } });
}

function listLinks(c: Context, auth: AuthInfo, sim: SimContext) {
  const links = sim.store.state.streamLinks.filter((l) => l.clientId === auth.app.clientId);
  return c.json({
    data: links.map((l) => ({
      application_id: auth.app.appId,
      created_at: l.createdAt,
      fields: Object.entries(l.fields).flatMap(([k, v]) => v.split(",").map((f) => `${k}:${f}`)),
      instance_id: `${auth.app.appId}-filtered-stream`,
      webhook_id: l.webhookId,
    })),
  });
}

const appLimit = (limit: number) => [{ per: "app" as const, limit, windowMs: MIN15 }];
const linkPath = "/2/tweets/search/webhooks";

export const streamRoutes: ApiRoute[] = [
  {
    id: "stream.connect",
    method: "GET",
    path: "/2/tweets/search/stream",
    openApiPath: "/2/tweets/search/stream",
    auth: "app",
    limits: appLimit(50),
    handle: openStream,
  },
  {
    id: "stream.links.list",
    method: "GET",
    path: linkPath,
    openApiPath: linkPath,
    auth: "app",
    limits: appLimit(450),
    handle: listLinks,
  },
  {
    id: "stream.links.create",
    method: "POST",
    path: `${linkPath}/:webhook_id`,
    openApiPath: `${linkPath}/{webhook_id}`,
    auth: "app",
    limits: appLimit(450),
    handle: linkWebhook,
  },
  {
    id: "stream.links.delete",
    method: "DELETE",
    path: `${linkPath}/:webhook_id`,
    openApiPath: `${linkPath}/{webhook_id}`,
    auth: "app",
    limits: appLimit(450),
    handle: unlinkWebhook,
  },
];
