import { getEnv } from "@/lib/env";

/** next-auth's session cookie name: secure-prefixed when the app is served over https. */
export function sessionCookieName(): string {
  return getEnv().APP_URL.startsWith("https://")
    ? "__Secure-next-auth.session-token"
    : "next-auth.session-token";
}
