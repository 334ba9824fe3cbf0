import type { XConfig } from "@/lib/env";

/** X's image hosts: profile pictures (pbs) and its default avatar (abs). */
export const X_IMAGE_ORIGINS = ["https://pbs.twimg.com", "https://abs.twimg.com"] as const;

/** The shop's own neutral avatar (public/default-avatar.svg): no fetch from anyone else. */
export const DEFAULT_AVATAR_PATH = "/default-avatar.svg";

/**
 * Where the browser may load X profile pictures from: X's CDN when the shop talks to real X.
 * The simulator hands out no picture, so a demo on it loads none from anywhere.
 */
export const xImageOrigins = (x: Pick<XConfig, "simulated">): readonly string[] =>
  x.simulated ? [] : X_IMAGE_ORIGINS;

/**
 * The picture to show for an X account: its own when X gave one on an allowed host, else the
 * shop's default. X's default picture ("default_profile_images") is swapped for ours too: it
 * shows nothing of the person, and fetching it tells X who is browsing the shop.
 */
export function avatarSrc(url: string | null, allowedOrigins: readonly string[]): string {
  if (!url || url.includes("default_profile_images")) return DEFAULT_AVATAR_PATH;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return DEFAULT_AVATAR_PATH;
  }
  return allowedOrigins.includes(parsed.origin) ? parsed.href : DEFAULT_AVATAR_PATH;
}
