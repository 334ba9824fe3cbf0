// next-auth sends a failed OAuth callback to /api/auth/error, which forwards to our error page.
const ERROR_PAGES = new Set(["/api/auth/error", "/signin"]);

/**
 * next-auth sends every failed OAuth callback to its error page. A failed brand
 * connection (consent denied at X, a bad state) belongs on /admin/x, where the admin started:
 * returns that page's address for such a redirect, or null to leave the redirect alone.
 */
export function brandErrorRedirect(location: string | null, appUrl: string): string | null {
  if (!location) return null;
  const target = new URL(location, appUrl);
  const error = target.searchParams.get("error");
  if (!ERROR_PAGES.has(target.pathname) || !error) return null;
  return new URL(`/admin/x?error=${encodeURIComponent(error)}`, appUrl).toString();
}
