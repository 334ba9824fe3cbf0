import { databaseUrl, getEnv } from "@/lib/env";
import { CartEventHub } from "./cart-event-hub";

/** Tabs of one shopper that may follow their cart at once (one stream each). */
const STREAMS_PER_USER = 10;

// Kept on globalThis: one hub (one LISTEN connection) per process, across dev reloads.
const globalForHub = globalThis as unknown as { cartEventHub?: CartEventHub };

/**
 * This web process's hub, made on first use. On SIGTERM or SIGINT it ends every open stream,
 * so the server's graceful close does not wait on browsers that would never hang up.
 */
export function appCartEvents(): CartEventHub {
  if (!globalForHub.cartEventHub) {
    const hub = new CartEventHub({
      connectionString: databaseUrl(),
      perUser: STREAMS_PER_USER,
      perProcess: getEnv().LIVE_CART_STREAMS,
    });
    const close = () => void hub.close();
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
    globalForHub.cartEventHub = hub;
  }
  return globalForHub.cartEventHub;
}
