import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { resolveClientAddress } from "@/lib/http/trusted-proxies";

/**
 * Replaces the request's X-Forwarded-For with the one client address we believe (see
 * resolveClientAddress), before Next.js reads it: the app's clientIp then reads a value no
 * client can write, whatever interface the server listens on.
 */
export function setClientAddress(request: IncomingMessage, trusted: BlockList): void {
  request.headers["x-forwarded-for"] = resolveClientAddress(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    trusted,
  );
}

/** A node:http server that hands every request to `handle` with its client address settled. */
export function createClientAddressServer(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void,
  trusted: BlockList,
): Server {
  return createServer((request, response) => {
    setClientAddress(request, trusted);
    void handle(request, response);
  });
}
