import { ApiResponseError } from "twitter-api-v2";

/** Why an X call failed, in words safe for a log: never a token, never X's raw answer. */
export function describeXFailure(failure: unknown): string {
  if (failure instanceof ApiResponseError) return `X answered ${failure.code}`;
  return "X could not be reached";
}
