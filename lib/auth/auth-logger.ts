import type { LoggerInstance } from "next-auth";
import { scrubLogLine } from "@/lib/log/logger";

type Metadata = Parameters<LoggerInstance["error"]>[1] | undefined;

/** The first line of a message, scrubbed as every log line is, at most 200 characters. */
export function scrubLogText(text: string): string {
  return scrubLogLine(text.split("\n")[0] ?? "").slice(0, 200);
}

/**
 * The one line to log for a next-auth error, or null for none. X's "Cancel" (access_denied) is
 * an expected answer, not a failure: next-auth reports it twice (its OAuth handler, then the
 * callback route that catches the rethrown error), so it gets one short line for both.
 */
export function authErrorLine(code: string, metadata: Metadata): string | null {
  const error = metadata instanceof Error ? metadata : metadata?.error;
  const provider =
    metadata && !(metadata instanceof Error) && typeof metadata.providerId === "string"
      ? metadata.providerId
      : null;
  if (error?.message === "access_denied") {
    if (code !== "OAUTH_CALLBACK_HANDLER_ERROR") return null;
    return `next-auth: ${provider ?? "OAuth"} sign-in cancelled at X (access_denied)`;
  }
  const what = error ? `${error.name}: ${error.message}` : "no details";
  return `next-auth: ${code}${provider ? ` (${provider})` : ""}: ${scrubLogText(what)}`;
}

/** next-auth's logger: one line per event, no stack traces, no tokens or secrets. */
export const authLogger: LoggerInstance = {
  error(code, metadata) {
    const line = authErrorLine(code, metadata);
    if (line) console.error(line);
  },
  warn(code) {
    // X's OAuth 2.0 left beta long ago; next-auth 4 still warns about it on every request.
    if (code !== "TWITTER_OAUTH_2_BETA") console.warn(`next-auth: warning ${code}`);
  },
  debug() {},
};
