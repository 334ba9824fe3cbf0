import { getEnv } from "@/lib/env";

/** Whether cookies are secure (and next-auth's names prefixed): the app is served over https. */
export function usesSecureCookies(): boolean {
  return getEnv().APP_URL.startsWith("https://");
}

const SESSION_COOKIE = "next-auth.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/** Both names next-auth gives its session cookie, over http and https. */
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

/** next-auth's session cookie name. */
export function sessionCookieName(): string {
  return usesSecureCookies() ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** next-auth's CSRF cookie name. */
export function csrfCookieName(): string {
  return usesSecureCookies() ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token";
}
