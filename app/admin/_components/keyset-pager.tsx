import Link from "next/link";

const linkClass = "text-brand-700 font-medium hover:underline";

type Props = {
  /** The nav's accessible name, e.g. "Order pages". */
  label: string;
  /** What the list holds, in the plural: "orders" gives "Newest orders" and "Older orders". */
  noun: string;
  /** The first page, when the shopper is past it; nothing on the first page. */
  newestHref?: string;
  /** The next page back, when there is one. */
  olderHref?: string;
};

/** The "Newest / Older" links under a console list paged by a cursor; nothing when there is one page. */
export function KeysetPager({ label, noun, newestHref, olderHref }: Props) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex justify-between gap-3 text-sm">
      {newestHref ? (
        <Link href={newestHref} className={linkClass}>
          <span aria-hidden>←</span> Newest {noun}
        </Link>
      ) : (
        <span />
      )}
      {olderHref && (
        <Link href={olderHref} className={linkClass}>
          Older {noun} <span aria-hidden>→</span>
        </Link>
      )}
    </nav>
  );
}
