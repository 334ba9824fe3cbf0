// Every route answers through these: a status, a JSON body and its headers. Refusals carry one
// shape, `{ error: { code, message } }`, so clients (X, next-auth's signIn(), our own pages)
// read every route's errors the same way.

export type ApiAnswer = {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
};

/** A refusal: `{ error: { code, message } }`, plus any fields a client of the route expects. */
export function apiError(
  status: number,
  code: string,
  message: string,
  { headers, extra }: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): ApiAnswer {
  return { status, body: { ...extra, error: { code, message } }, headers };
}

/** The answer as a fetch Response, for route handlers. */
export const toResponse = ({ status, body, headers }: ApiAnswer) =>
  Response.json(body, { status, headers });
