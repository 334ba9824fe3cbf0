import type { Cart, CartGroup, CartLine } from "@/lib/cart/get-cart";
import type { XConfig } from "@/lib/env";
import { timeLabel, type TimeLabel } from "@/lib/format/date-time";
import { xPostUrl } from "@/lib/x/x-post-url";

/** Where some of a line came from: a reply on X, or the website. */
export type Provenance = {
  key: string;
  kind: "reply" | "website";
  /** Shown only when a line has more than one source and they add up to its quantity. */
  quantity: number | null;
  /** "3 Nov 2025, 14:02 GMT" in the shopper's zone, for <time>; null for website adds. */
  when: TimeLabel | null;
  /** The reply on X (the simulator's UI in the demo); null when it was deleted or is unknown. */
  href: string | null;
  deleted: boolean;
};

export type CartLineView = Omit<CartLine, "sources" | "websiteQuantity"> & {
  provenance: Provenance[];
};
export type CartGroupView = Omit<CartGroup, "lines"> & { lines: CartLineView[] };

/**
 * The cart as its client component needs it: plain values, links to replies already made here
 * on the server (the X settings never reach the browser), times already formatted.
 */
export function toCartView(
  groups: Cart["groups"],
  x: Pick<XConfig, "simulated" | "apiBaseUrl">,
  timeZone = "UTC",
): CartGroupView[] {
  return groups.map(({ lines, ...group }) => ({
    ...group,
    lines: lines.map(({ sources, websiteQuantity, ...line }) => {
      const provenance: Provenance[] = sources.map((source) => ({
        key: source.tweetId,
        kind: "reply",
        quantity: source.quantity,
        when: timeLabel(source.repliedAt, timeZone),
        href:
          source.deleted || !source.latestTweetId
            ? null
            : xPostUrl(x, source.latestTweetId, source.authorUsername),
        deleted: source.deleted,
      }));
      if (websiteQuantity > 0 || provenance.length === 0)
        provenance.push({
          key: "website",
          kind: "website",
          quantity: websiteQuantity,
          when: null,
          href: null,
          deleted: false,
        });
      const counted = provenance.reduce((sum, entry) => sum + (entry.quantity ?? 0), 0);
      const showCounts = provenance.length > 1 && counted === line.quantity;
      return {
        ...line,
        provenance: provenance.map((entry) => ({
          ...entry,
          quantity: showCounts ? entry.quantity : null,
        })),
      };
    }),
  }));
}
