import { apiError, toResponse } from "@/lib/http/api-answer";
import type { CartEventHub, HubEvent, Subscription } from "./cart-event-hub";

export type StreamOptions = {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
};

const encoder = new TextEncoder();

/** An SSE message: a named event and one line of JSON. */
const message = (event: string, data: unknown) =>
  encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * The shopper's cart changes as Server-Sent Events, until the browser goes away (`signal`) or the
 * hub closes: `ready` once the hub listens (`resync`: re-read, something may have been missed),
 * then `cart` per change. Past the hub's limits, a 429 (this shopper's tabs) or 503 (this
 * process) instead, each with the usual error body.
 */
export function openCartEventStream(
  hub: CartEventHub,
  userId: string,
  signal: AbortSignal,
  { heartbeatMs = 25_000 }: StreamOptions = {},
): Response {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let ended = false;
  const stream = new ReadableStream<Uint8Array>({
    start: (opened) => void (controller = opened),
    cancel: () => end(),
  });
  const send = (chunk: Uint8Array) => {
    try {
      controller.enqueue(chunk);
    } catch {
      end();
    }
  };
  // Hub events come in later tasks, never during subscribe.
  const subscription = hub.subscribe(userId, (event: HubEvent) => {
    if (event.type === "closed") end();
    else if (event.type === "listening") send(message("ready", { resync: event.resync }));
    else send(message("cart", event.change));
  });
  if ("refused" in subscription) {
    const retryAfter = { headers: { "retry-after": "30" } };
    return toResponse(
      subscription.refused === "user"
        ? apiError(
            429,
            "too_many_streams",
            "Too many tabs follow this cart; close some and reload.",
            retryAfter,
          )
        : apiError(503, "busy", "Live cart updates are busy; try again shortly.", retryAfter),
    );
  }
  const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), heartbeatMs);
  heartbeat.unref();
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    signal.removeEventListener("abort", end);
    (subscription as Subscription).unsubscribe();
    try {
      controller.close();
    } catch {
      // Already closed by the browser's going away.
    }
  }
  // How long the browser waits before reconnecting after a dropped stream.
  send(encoder.encode("retry: 2000\n\n"));
  if (signal.aborted) end();
  else signal.addEventListener("abort", end);

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until its buffer fills.
      "cache-control": "no-cache, no-transform",
      // nginx and similar proxies buffer responses unless told otherwise.
      "x-accel-buffering": "no",
    },
  });
}
