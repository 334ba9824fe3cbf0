import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { crcResponseToken } from "../crypto";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type CrcMode = "correct" | "wrong" | number;

/**
 * A tiny webhook receiver for tests: answers CRC GETs (correctly, wrongly, or with a status)
 * and POSTs with the next queued status (200 once the queue is empty), recording everything.
 */
export async function startReceiver(
  secret: string,
  options: { crc?: CrcMode; answers?: number[]; hangMs?: number } = {},
) {
  const requests: ReceivedRequest[] = [];
  const state = {
    crc: options.crc ?? "correct",
    answers: [...(options.answers ?? [])],
    hangMs: options.hangMs ?? 0,
  };
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      for (const w of waiters.splice(0)) w();
      if (req.method === "GET") {
        const token = url.searchParams.get("crc_token") ?? "";
        if (typeof state.crc === "number") {
          res.writeHead(state.crc).end();
          return;
        }
        const answer = state.crc === "correct" ? crcResponseToken(secret, token) : "sha256=wrong";
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ response_token: answer }));
        return;
      }
      const status = state.answers.shift() ?? 200;
      const reply = () =>
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "boom");
      if (state.hangMs) setTimeout(reply, state.hangMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/x`,
    requests,
    posts: () => requests.filter((r) => r.method === "POST"),
    state,
    /** Resolves once at least n POSTs arrived (or rejects after timeoutMs). */
    async waitForPosts(n: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.filter((r) => r.method === "POST").length < n) {
        if (Date.now() > deadline)
          throw new Error(
            `expected ${n} deliveries, got ${requests.filter((r) => r.method === "POST").length}`,
          );
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests.filter((r) => r.method === "POST");
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
