import type { Context, Hono } from "hono";
import type { SimContext } from "../context";
import { authenticate, type AuthInfo } from "./auth";
import { aboutBlank, problemResponse, unsupportedAuthentication } from "./problems";
import type { LimitRule } from "./rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One X API v2 operation: where it lives in X's OpenAPI file, who may call it, its limits. */
export interface ApiRoute {
  id: string;
  method: HttpMethod;
  /** Hono path, e.g. /2/tweets/:id */
  path: string;
  /** The same path as X's OpenAPI file spells it, e.g. /2/tweets/{id} */
  openApiPath: string;
  auth: "user" | "app" | "either";
  /** OAuth 2.0 scopes a user token must carry (X's OpenAPI `security`). */
  scopes?: string[];
  limits: LimitRule[];
  handle(c: Context, auth: AuthInfo, sim: SimContext): Response | Promise<Response>;
}

/** Registers routes behind X's gateway: faults, authentication, scopes, rate limits. */
export function mountApiRoutes(app: Hono, sim: SimContext, routes: ApiRoute[]): void {
  for (const route of routes) {
    app.on(route.method, route.path, async (c) => {
      const limits = sim.options.rateLimits[route.id] ?? route.limits;
      const forced = sim.store.state.faults.apiStatus;
      if (forced === 429) {
        withHeaders(c, sim.limiter.peek(limits, true));
        return problemResponse(c, 429, aboutBlank(429, "Too Many Requests"));
      }
      if (forced === 503) {
        return problemResponse(c, 503, aboutBlank(503, "Service Unavailable"));
      }
      const auth = authenticate(sim.store.state, c.req.header("authorization"), sim.now());
      if (!auth) {
        withHeaders(c, sim.limiter.peek(limits));
        return problemResponse(c, 401, aboutBlank(401, "Unauthorized"));
      }
      if (route.auth === "user" && auth.kind === "app") {
        return problemResponse(c, 403, unsupportedAuthentication("app"));
      }
      if (route.auth === "app" && auth.kind === "user") {
        return problemResponse(c, 403, unsupportedAuthentication("user"));
      }
      if (auth.kind === "user" && !(route.scopes ?? []).every((s) => auth.scopes.includes(s))) {
        return problemResponse(c, 403, aboutBlank(403, "Forbidden"));
      }
      const principal = {
        app: auth.app.clientId,
        user: auth.kind === "user" ? auth.user.id : undefined,
      };
      const verdict = sim.limiter.take(route.id, limits, principal);
      withHeaders(c, verdict.headers);
      if (!verdict.allowed) {
        return problemResponse(c, 429, aboutBlank(429, "Too Many Requests"));
      }
      sim.requests.set(route.id, (sim.requests.get(route.id) ?? 0) + 1);
      return route.handle(c, auth, sim);
    });
  }
}

function withHeaders(c: Context, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
}

/** Parses a JSON body; null when it is missing or not JSON. */
export async function readJson(c: Context): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await c.req.json();
    return body && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
