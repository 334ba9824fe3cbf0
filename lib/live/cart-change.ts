// What the browser hears when a shopper's cart or replies change without them: the web server
// forwards it as is (lib/live/cart-event-stream.ts), the header's live-cart component shows it.
// Free of server code: the client bundle imports it.

/** One product a reply put in the cart, or a deleted reply took out. */
export type CartChangeItem = { title: string; quantity: number; size: string | null };

export type CartChange = {
  /**
   * "reply": replies were processed (or claimed at link time), the items are what went in,
   * possibly none (an out-of-stock answer changes My replies only); "withdrawn": a deleted
   * reply's items left the cart; "edited": an edit of a reply changed what it holds (the items
   * are what its line holds from it now).
   */
  kind: "reply" | "withdrawn" | "edited";
  /** The first few items; `more` counts the rest (a notification's payload is bounded). */
  items: CartChangeItem[];
  more: number;
};

/** The toast's text, or null when nothing entered or left the cart. */
export function describeCartChange({ kind, items, more }: CartChange): string | null {
  if (!items.length) return null;
  const several = items.length + more > 1;
  const lead = {
    reply: `Added from your ${several ? "replies" : "reply"}`,
    withdrawn: `Removed with your deleted ${several ? "replies" : "reply"}`,
    edited: "Changed by your edited reply, now",
  }[kind];
  const named = items
    .map(({ title, quantity, size }) => `${quantity} × ${title}${size ? `, size ${size}` : ""}`)
    .join("; ");
  return `${lead}: ${named}${more ? ` and ${more} more` : ""}`;
}
