import { createHmac, timingSafeEqual } from "node:crypto";

// After a brand connection, /admin/x says which account replaced which. The old handle travels
// in the query string, signed with the app's secret, so a crafted link cannot make the page
// name an account that was never replaced. A handle, or the X user id stored in its place.
const HANDLE = /^[A-Za-z0-9_]{1,20}$/;

const signature = (handle: string, secret: string) =>
  createHmac("sha256", secret).update(`brand-replaced:${handle}`).digest().subarray(0, 16);

/** Where the brand callback sends the admin: a plain notice, or one naming the replaced account. */
export function brandConnectedRedirect(replacedUsername: string | null, secret: string): string {
  if (!replacedUsername || !HANDLE.test(replacedUsername)) return "/admin/x?notice=connected";
  const sig = signature(replacedUsername, secret).toString("base64url");
  return `/admin/x?notice=replaced&replaced=${encodeURIComponent(`${replacedUsername}.${sig}`)}`;
}

/** The replaced account's handle from the query, or null when it is missing or not ours. */
export function readReplacedHandle(
  param: string | string[] | undefined,
  secret: string,
): string | null {
  if (typeof param !== "string") return null;
  const dot = param.lastIndexOf(".");
  const handle = param.slice(0, dot);
  if (dot < 0 || !HANDLE.test(handle)) return null;
  const given = Buffer.from(param.slice(dot + 1), "base64url");
  const expected = signature(handle, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? handle : null;
}
