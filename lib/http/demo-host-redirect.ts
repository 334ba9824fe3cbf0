import type { Env } from "@/lib/env";
import { isLoopbackHost } from "@/lib/server-mode";

// The demo's cookies (the session above all) belong to APP_URL's host. A shopper who opened
// http://127.0.0.1:3000 while APP_URL says http://localhost:3000 signs in by a link to
// localhost and comes back to 127.0.0.1 signed out, every time. This machine's other names for
// the same port are sent to APP_URL instead. Only page loads (GET, HEAD): a POST would lose its
// body. Never X's webhook (signed for the URL X was given) or the health check (probes).

const NEVER_REDIRECTED = new Set(["/api/x/webhook", "/api/health"]);

const defaultPort = (protocol: string) => (protocol === "https:" ? "443" : "80");

export type PageRequest = {
  method: string;
  /** The Host header as the browser sent it. */
  host: string | null;
  /** "http:" or "https:", as the request arrived. */
  protocol: string;
  pathname: string;
  search: string;
};

/** Where to send this request instead, in demo mode: the same path on APP_URL; else nothing. */
export function demoHostRedirect(
  env: Pick<Env, "mode" | "APP_URL">,
  request: PageRequest,
): string | undefined {
  if (env.mode !== "demo" || !request.host) return undefined;
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  if (NEVER_REDIRECTED.has(request.pathname.replace(/\/+$/, ""))) return undefined;
  let asked: URL;
  try {
    asked = new URL(`${request.protocol}//${request.host}`);
  } catch {
    return undefined;
  }
  const app = new URL(env.APP_URL);
  if (asked.hostname === app.hostname || !isLoopbackHost(asked.hostname)) return undefined;
  const port = (url: URL) => url.port || defaultPort(url.protocol);
  if (port(asked) !== port(app)) return undefined;
  return `${app.origin}${request.pathname}${request.search}`;
}
