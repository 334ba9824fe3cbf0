import { ApiResponseError } from "twitter-api-v2";
import { z } from "zod";

/** A refresh that failed: `reconnect` when only linking the account again can mend it. */
export type RefreshFailure = { reconnect: boolean; message: string };

export const NO_REFRESH_TOKEN: RefreshFailure = {
  reconnect: true,
  message: "The token expired and X gave no refresh token; reconnect the account.",
};

// X's token endpoint answers these (RFC 6749 §5.2) for a revoked grant or a refresh token
// already spent. Anything else (5xx, 429, no answer) says nothing about the grant, and marking
// the account for a reconnect would stop every use of it until someone acted.
const REFUSALS = new Set(["invalid_grant", "invalid_request"]);
const oauthErrorSchema = z.object({ error: z.string() });

export function classifyRefreshFailure(failure: unknown): RefreshFailure {
  if (failure instanceof ApiResponseError) {
    const body = oauthErrorSchema.safeParse(failure.data);
    if (body.success && REFUSALS.has(body.data.error))
      return {
        reconnect: true,
        message:
          "X refused the refresh token (access revoked or already used); reconnect the account.",
      };
    return {
      reconnect: false,
      message: `X answered ${failure.code} to the token refresh; it will be retried on next use.`,
    };
  }
  return {
    reconnect: false,
    message: "X could not be reached for the token refresh; it will be retried on next use.",
  };
}
