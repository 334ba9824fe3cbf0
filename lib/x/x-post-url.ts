import type { XConfig } from "@/lib/env";

/**
 * Where a person can see a post: x.com for real X, or the simulator's own UI (which scrolls to
 * `#post-<id>`) when the shop runs against it. Without a handle x.com's `i/web` path still works.
 */
export function xPostUrl(
  x: Pick<XConfig, "simulated" | "apiBaseUrl">,
  tweetId: string,
  username?: string | null,
): string {
  const id = encodeURIComponent(tweetId);
  if (x.simulated) return `${x.apiBaseUrl.replace(/\/+$/, "")}/#post-${id}`;
  const handle = username && /^\w{1,15}$/.test(username) ? username : null;
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}
