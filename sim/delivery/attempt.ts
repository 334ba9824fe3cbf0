import { crcResponseToken } from "../crypto";
import type { DeliveryAttempt, StoredApp } from "../state/types";
import type { CrcOutcome } from "./delivery-engine";

const MAX_ANSWER_CHARS = 2_000;

/** One HTTP call to a webhook with X's timeout; never throws, records what happened. */
export async function attemptRequest(
  now: () => number,
  timeoutMs: number,
  url: string,
  init: RequestInit,
): Promise<DeliveryAttempt> {
  const started = now();
  const at = new Date(started).toISOString();
  try {
    const res = await fetch(url, {
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await res.text()).slice(0, MAX_ANSWER_CHARS);
    return { at, status: res.status, durationMs: now() - started, responseBody: text };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const detail = timedOut
      ? `no answer within ${timeoutMs} ms`
      : String((error as { cause?: unknown }).cause ?? error);
    return { at, status: null, durationMs: now() - started, error: detail };
  }
}

/** Whether a CRC answer proves the receiver holds the app secret. */
export function judgeCrc(
  attempt: { status: number | null; responseBody?: string; error?: string },
  token: string,
  app: StoredApp,
): CrcOutcome {
  if (attempt.status === null)
    return { ok: false, transient: true, detail: attempt.error ?? "no answer" };
  if (attempt.status >= 300 && attempt.status < 400) {
    return {
      ok: false,
      transient: false,
      detail: `answered ${attempt.status} (redirects are not followed)`,
    };
  }
  if (attempt.status >= 400)
    return { ok: false, transient: true, detail: `answered ${attempt.status}` };
  let responseToken: unknown;
  try {
    responseToken = (JSON.parse(attempt.responseBody ?? "") as { response_token?: unknown })
      .response_token;
  } catch {
    return { ok: false, transient: false, detail: "answer is not JSON with a response_token" };
  }
  // X signs with the OAuth 2.0 client secret when the app has one, else the consumer secret.
  const accepted = [crcResponseToken(app.consumerSecret, token)];
  if (app.clientSecret) accepted.push(crcResponseToken(app.clientSecret, token));
  return accepted.includes(String(responseToken))
    ? { ok: true }
    : { ok: false, transient: false, detail: "Invalid response_token" };
}
