import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * X as the simulator at `target` plays it, except that requests `failing` picks answer 503:
 * one endpoint of X down while the rest works. Resolves with the server and its URL.
 */
export async function startXOutage(
  target: string,
  failing: (method: string, path: string) => boolean,
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? "/").split("?")[0]!;
    if (failing(incoming.method ?? "GET", path)) {
      incoming.resume();
      outgoing
        .writeHead(503, { "content-type": "application/json" })
        .end('{"title":"Service Unavailable"}');
      return;
    }
    const forwarded = request(
      new URL(incoming.url ?? "/", target),
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
