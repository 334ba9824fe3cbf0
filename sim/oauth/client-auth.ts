import type { Context } from "hono";
import type { SimState, StoredApp } from "../state/types";

/** Reads an OAuth request body: form-encoded as X documents, or JSON as twitter-api-v2 sends. */
export async function readOAuthBody(c: Context): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  const raw = await c.req.text();
  if (type.includes("json")) {
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(parsed)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, String(v)]),
      );
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export function basicCredentials(
  header: string | undefined,
): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

export type ClientAuth =
  | { ok: true; app: StoredApp }
  | { ok: false; status: 400 | 401; error: string; description: string };

/**
 * Confidential clients authenticate with Basic auth (X) or a body client_secret
 * (twitter-api-v2 sends both); public clients name themselves with client_id.
 */
export function authenticateClient(
  state: SimState,
  header: string | undefined,
  body: Record<string, string>,
): ClientAuth {
  const basic = basicCredentials(header);
  const clientId = basic?.id ?? body.client_id;
  if (!clientId) {
    return {
      ok: false,
      status: 400,
      error: "invalid_request",
      description: "Missing required parameter [client_id].",
    };
  }
  const app = state.apps.find((a) => a.clientId === clientId);
  const unauthorized: ClientAuth = {
    ok: false,
    status: 401,
    error: "unauthorized_client",
    description: "Missing valid authorization header",
  };
  if (!app) return unauthorized;
  if (app.clientSecret) {
    const secret = basic?.secret ?? body.client_secret;
    if (secret !== app.clientSecret) return unauthorized;
  } else if (basic) {
    return unauthorized;
  }
  return { ok: true, app };
}
