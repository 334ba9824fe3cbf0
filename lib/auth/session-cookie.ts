import { getEnv } from "@/lib/env";

/** Whether cookies are secure (and next-auth's names prefixed): the app is served over https. */
export function usesSecureCookies(): boolean {
  return getEnv().APP_URL.startsWith("https://");
}

/** next-auth's session cookie name. */
export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** next-auth's CSRF cookie name. */
export function csrfCookieName(): string {
  return usesSecureCookies() ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token";
}
