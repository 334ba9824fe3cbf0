import { getEnv } from "@/lib/env";

/** next-auth's session cookie name: secure-prefixed when the app is served over https. */
export function sessionCookieName(): string {
  return getEnv().APP_URL.startsWith("https://")
    ? "__Secure-next-auth.session-token"
    : "next-auth.session-token";
}

/** next-auth's CSRF cookie name: host-prefixed when the app is served over https. */
export function csrfCookieName(): string {
  return getEnv().APP_URL.startsWith("https://")
    ? "__Host-next-auth.csrf-token"
    : "next-auth.csrf-token";
}
