// The web server: Next.js behind a node:http listener of ours, so that the client address the
// app sees comes from the socket, or from a proxy named in TRUSTED_PROXIES, never from a header
// the client wrote (`next start` keeps whatever X-Forwarded-For arrives). `--dev` runs next dev.
import next from "next";
import { EnvError, parseEnv } from "@/lib/env";
import { createClientAddressServer } from "@/lib/http/client-address";
import { demoHostRedirect } from "@/lib/http/demo-host-redirect";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";

async function serve(dev: boolean) {
  // tsx turns source maps on for the whole process, and Node then keeps the map of every server
  // chunk Next loads: 140-180 MiB more at peak than `next start` under the same load. The
  // production chunks are Next's compiled output, which `next start` does not map either.
  if (!dev) process.setSourceMapsEnabled(false);
  const env = parseEnv(process.env, { forApp: false });
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST ?? "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createClientAddressServer((request, response) => {
    // Here rather than in proxy.ts: Next makes a redirect to its own hostname relative, and a
    // relative one would send the browser back to the host it came from.
    const at = URL.parse(request.url ?? "/", "http://path.invalid");
    const appHost =
      at &&
      demoHostRedirect(env, {
        method: request.method ?? "GET",
        host: request.headers.host ?? null,
        protocol: "http:",
        pathname: at.pathname,
        search: at.search,
      });
    if (!appHost) return handle(request, response);
    response.writeHead(307, { location: appHost }).end();
  }, parseTrustedProxies(env.TRUSTED_PROXIES));
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
  }
  // No HOST: every interface, IPv6 and IPv4, as `next start` without -H.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  // APP_URL only: the cookies belong to its host, so it is the one address to open (a demo sends
  // this machine's other names for it there; npm start's first line says where it listens).
  console.log(`> Ready on ${env.APP_URL}`);
  const stop = () => server.close(() => void app.close().finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

serve(process.argv.includes("--dev")).catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
