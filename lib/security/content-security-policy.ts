// The policy every response carries. Scripts run only with this request's nonce (Next.js puts
// it on its own scripts when it finds it in the request's policy); 'strict-dynamic' lets those
// scripts load the app's chunks. No inline style attribute is allowed either: components style
// with classes only (which is why product images are plain <img> elements, not next/image).
// Images come from us, and from the origins the caller names (X's CDN for profile pictures
// when the shop talks to real X; none in a demo on the simulator, which must work offline and
// tell no third party who visits). Forms post only to us: next-auth's X sign-in is a fetch
// that then sets window.location, so no form submission redirects to X.
// No upgrade-insecure-requests: the demo is served over plain http on 127.0.0.1.

export function buildContentSecurityPolicy({
  nonce,
  dev = false,
  imageOrigins = [],
}: {
  nonce: string;
  /** `next dev` needs eval (React's error overlays) and injects unnonced styles. */
  dev?: boolean;
  /** Other origins images may load from (lib/x/profile-image.ts's xImageOrigins). */
  imageOrigins?: readonly string[];
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
    // No data: or blob: images: nothing here makes them (next/image's blur placeholders would).
    "img-src": ["'self'", ...imageOrigins],
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
