import type { Context } from "hono";

// X's error bodies. Typed problems use the URIs of X's OpenAPI file (api.x.com); gateway
// answers (401, 403 for scopes, 429, 503) are the bare RFC 7807 `about:blank` objects X sends.

export const PROBLEM_BASE = "https://api.x.com/2/problems/";

export interface ProblemBody {
  type: string;
  title: string;
  detail: string;
  status?: number;
  [key: string]: unknown;
}

export function problemResponse(c: Context, status: number, body: ProblemBody): Response {
  return c.body(JSON.stringify(body), status as 400, {
    "content-type": "application/problem+json",
  });
}

export function aboutBlank(status: number, title: string, detail = title): ProblemBody {
  return { title, detail, type: "about:blank", status };
}

export function invalidRequest(
  detail: string,
  errors: Array<{ parameters: Record<string, string[]>; message: string }> = [],
): ProblemBody {
  return {
    errors,
    title: "Invalid Request",
    detail,
    type: `${PROBLEM_BASE}invalid-request`,
    status: 400,
  };
}

export function invalidParameter(c: Context, name: string, value: string, message: string) {
  return problemResponse(
    c,
    400,
    invalidRequest("One or more parameters to your request was invalid.", [
      { parameters: { [name]: [value] }, message },
    ]),
  );
}

/** The per-item "Not Found Error" X puts in `errors` of a 200 answer for a missing id. */
export function notFoundItem(resourceType: "tweet" | "user", parameter: string, value: string) {
  const label = resourceType === "tweet" ? "Post" : "user";
  return {
    value,
    detail: `Could not find ${label} with ${parameter}: [${value}].`,
    title: "Not Found Error",
    resource_type: resourceType,
    parameter,
    resource_id: value,
    type: `${PROBLEM_BASE}resource-not-found`,
  };
}

export function unsupportedAuthentication(kind: "app" | "user"): ProblemBody {
  const used = kind === "app" ? "OAuth 2.0 Application-Only" : "OAuth 2.0 User Context";
  const supported =
    kind === "app"
      ? "[OAuth 1.0a User Context, OAuth 2.0 User Context]"
      : "[OAuth 2.0 Application-Only]";
  return {
    title: "Unsupported Authentication",
    detail: `Authenticating with ${used} is forbidden for this endpoint.  Supported authentication types are ${supported}.`,
    type: `${PROBLEM_BASE}unsupported-authentication`,
    status: 403,
  };
}
