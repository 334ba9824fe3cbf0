// The policy every response carries. Scripts run only with this request's nonce (Next.js puts
// it on its own scripts when it finds it in the request's policy); 'strict-dynamic' lets those
// scripts load the app's chunks. No inline style attribute is allowed either: components style
// with classes only (which is why product images are plain <img> elements, not next/image).
// Images may come from X's CDNs (profile pictures). Forms post only to us: next-auth's X
// sign-in is a fetch that then sets window.location, so no form submission redirects to X.
// No upgrade-insecure-requests: the demo is served over plain http on 127.0.0.1.

/** X's image hosts: profile pictures (pbs) and the default avatar (abs). */
const X_IMAGE_HOSTS = ["https://pbs.twimg.com", "https://abs.twimg.com"];

export function buildContentSecurityPolicy({
  nonce,
  dev = false,
}: {
  nonce: string;
  /** `next dev` needs eval (React's error overlays) and injects unnonced styles. */
  dev?: boolean;
}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:", "blob:", ...X_IMAGE_HOSTS],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
