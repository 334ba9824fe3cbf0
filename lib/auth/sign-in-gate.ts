import { SESSION_COOKIE_NAMES } from "./session-cookie";
import { signInPath } from "./sign-in-path";

// The pages only a signed-in shopper sees. Each checks the session itself; this is the cheap
// check in front of them, on the cookie alone: a visitor with no session cookie at all gets a
// real redirect (307) to /signin, instead of the page's loading state streamed with a 200 and a
// hop to /signin once the page has rendered (a second later without JavaScript).
const SIGNED_IN_ONLY = /^\/(cart|checkout|orders(\/[^/]+)?|account(\/replies)?)\/?$/;

/**
 * Where to send a request for `url` instead of rendering it, if anywhere: `/signin`, with the
 * page (and its query) to come back to. Only GET and HEAD: a form post or server action keeps its
 * own answer.
 */
export function signInRedirect(
  method: string,
  url: { pathname: string; search: string },
  hasCookie: (name: string) => boolean,
): string | undefined {
  if (method !== "GET" && method !== "HEAD") return undefined;
  if (!SIGNED_IN_ONLY.test(url.pathname)) return undefined;
  if (SESSION_COOKIE_NAMES.some(hasCookie)) return undefined;
  return signInPath(url.pathname + url.search);
}
