// The webhook's ingest function (lib/ingest, framework-free) behind a bare node:http listener:
// what one ingest process of its own could do, with the framework out of the way.
import http from "node:http";
import { Readable } from "node:stream";
import { receiveWebhook } from "@/lib/ingest/receive-webhook";

const port = Number(process.env.BENCH_CORE_PORT ?? 3201);

http
  .createServer(async (incoming, outgoing) => {
    const request = new Request(`http://127.0.0.1:${port}${incoming.url}`, {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: incoming.method === "POST" ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
      duplex: "half",
    } as RequestInit);
    const answer =
      incoming.method === "POST"
        ? await receiveWebhook(request)
        : { status: 200, body: { ok: true } };
    outgoing.writeHead(answer.status, { "content-type": "application/json" });
    outgoing.end(JSON.stringify(answer.body));
  })
  .listen(port, "127.0.0.1", () => console.log(`[bench] ingest core on ${port}`));

// A clean exit on Ctrl-C, so that `--cpu-prof` writes its profile.
process.on("SIGINT", () => process.exit(0));
