// The webhook's ingest function (lib/ingest, framework-free) behind a bare node:http listener:
// what one ingest process of its own could do, with the framework out of the way.
import http from "node:http";
import { receiveWebhook } from "@/lib/ingest/receive-webhook";

const port = Number(process.env.BENCH_CORE_PORT ?? 3201);

http
  .createServer(async (incoming, outgoing) => {
    const answer =
      incoming.method === "POST"
        ? await receiveWebhook({
            body: incoming,
            headers: {
              get: (name) => {
                const value = incoming.headers[name];
                return Array.isArray(value) ? value.join(", ") : (value ?? null);
              },
            },
          })
        : { status: 200, body: { ok: true } };
    outgoing.writeHead(answer.status, {
      "content-type": "application/json",
      ...answer.headers,
    });
    outgoing.end(JSON.stringify(answer.body));
  })
  .listen(port, "127.0.0.1", () => console.log(`[bench] ingest core on ${port}`));

// A clean exit on Ctrl-C, so that `--cpu-prof` writes its profile.
process.on("SIGINT", () => process.exit(0));
