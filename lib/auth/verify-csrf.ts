import { createHash, timingSafeEqual } from "node:crypto";

/**
 * next-auth's double-submit check (next-auth/core/lib/csrf-token.js), made before it runs so
 * that only requests it would act on count against anyone's sign-in allowance: a page on
 * another site cannot spend a victim's allowance through its visitors' browsers.
 */
export function isCsrfVerified(
  cookieValue: string | undefined,
  bodyToken: unknown,
  secret: string,
): boolean {
  if (!cookieValue || typeof bodyToken !== "string") return false;
  const [token = "", hash = ""] = cookieValue.split("|");
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const same = (a: string, b: string) =>
    a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return same(hash, expected) && same(token, bodyToken);
}
