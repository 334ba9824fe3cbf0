/**
 * Whether a state-changing request came from the shop's own pages: its Origin must be the
 * origin of APP_URL exactly. A missing Origin, "null" (sandboxed frames, some redirects) or
 * any other site is refused.
 */
export function isShopOrigin(origin: string | null | undefined, appUrl: string): boolean {
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === origin && origin === new URL(appUrl).origin;
  } catch {
    return false;
  }
}
