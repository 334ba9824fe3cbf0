import { createHash } from "node:crypto";
import type { ReplyOutcome } from "@/lib/generated/prisma/client";
import { MAX_QUANTITY } from "@/lib/cart/max-quantity";

export type BotReplyFacts = {
  /** The source reply's original id: the text is derived from it, so it is the same on retry. */
  tweetId: string;
  outcome: ReplyOutcome;
  productTitle: string | null;
  quantity: number;
  size: string | null;
  /** The product's sizes with stock, offered instead (unknown_size, a sold-out size). */
  sizesInStock: string[];
  /** "cart" or "basket", as the marketplace says it. */
  cartWord: string;
  /** The hashtag of the product's own marketplace (wrong_marketplace). */
  rightHashtag: string | null;
  pendingDays: number;
  /** A page to link to, when links are on for this outcome (each costs more at X). */
  link: string | null;
  /** Why fewer went in than asked (added, out_of_stock): all the stock, or the line's cap. */
  limitedBy: "stock" | "line" | null;
};

/**
 * A short ref derived from the source reply's id: it makes every bot reply's text different
 * (X refuses duplicate text from one account) and the same on every retry for one source reply,
 * so a retry after an unrecorded success meets X's duplicate refusal instead of posting twice.
 */
export function replyRef(tweetId: string): string {
  return createHash("sha256").update(tweetId).digest("hex").slice(0, 6).toUpperCase();
}

// X allows 280 characters (a link counts as 23): a merchant's long title must not push an
// answer past it, or X would refuse it on every retry.
const MAX_TITLE = 60;
const shortTitle = (title: string | null) =>
  title && title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title;

// Sizes are the merchant's words too (each at most 20 characters, as a cart line's): a long
// list offered stops before it could push the answer past X's limit.
const MAX_SIZE_LIST = 60;
function sizeList(sizes: string[], word: (size: string) => string, last: string): string {
  const shown: string[] = [];
  for (const size of sizes) {
    const next = [...shown, word(size)].join(", ");
    if (shown.length > 0 && next.length > MAX_SIZE_LIST) return `${shown.join(", ")}, …`;
    shown.push(word(size));
  }
  return shown.length > 1
    ? `${shown.slice(0, -1).join(", ")}${last}${shown[shown.length - 1]}`
    : (shown[0] ?? "");
}

/** "Sorry, … is sold out in size M … S and L are in stock: reply with one of them." */
function soldOutSize(facts: BotReplyFacts & { size: string }): string {
  const { sizesInStock: sizes, cartWord } = facts;
  const soldOut = `Sorry, ${facts.productTitle ?? "that item"} is sold out in size ${facts.size}, so nothing was added to your ${cartWord}.`;
  if (sizes.length === 0) return soldOut;
  const list = sizeList(sizes, (size) => size, " and ");
  return sizes.length === 1
    ? `${soldOut} Size ${list} is in stock: reply with size ${list} to add it.`
    : `${soldOut} Sizes ${list} are in stock: reply with one of them.`;
}

const item = (facts: BotReplyFacts) => {
  const title = facts.productTitle ?? "that item";
  const size = facts.size ? ` (size ${facts.size})` : "";
  return `${facts.quantity > 1 ? `${facts.quantity} × ` : ""}${title}${size}`;
};

/** The bot's answer to one source reply; null when the outcome gets none. */
export function botReplyText(input: BotReplyFacts): string | null {
  const facts = { ...input, productTitle: shortTitle(input.productTitle) };
  const { cartWord } = facts;
  const body = ((): string | null => {
    switch (facts.outcome) {
      case "ADDED":
        if (facts.quantity === 0)
          return `Your ${cartWord} already holds ${MAX_QUANTITY} × ${facts.productTitle ?? "that item"}, the most one line can, so nothing more was added.`;
        if (facts.limitedBy === "stock")
          return `Added ${item(facts)}, all we have, to your ${cartWord}. Nothing is bought until you check out on our site.`;
        if (facts.limitedBy === "line")
          return `Added ${item(facts)} to your ${cartWord}, which now holds ${MAX_QUANTITY}, the most one line can. Nothing is bought until you check out on our site.`;
        return `Added ${item(facts)} to your ${cartWord}. Nothing is bought until you check out on our site.`;
      case "NOT_LINKED":
        return `We'd love to add ${item(facts)} to your ${cartWord}: link your X account to your shop account and it will be waiting (we keep it ${facts.pendingDays} days).`;
      case "OUT_OF_STOCK":
        if (facts.limitedBy === "stock")
          return `All the ${facts.productTitle ?? "items"}${facts.size ? ` in size ${facts.size}` : ""} we have are already in your ${cartWord}, so nothing more was added.`;
        if (facts.size) return soldOutSize({ ...facts, size: facts.size });
        return `Sorry, ${facts.productTitle ?? "that item"} is out of stock right now, so nothing was added to your ${cartWord}.`;
      case "NO_PRODUCT":
        return `We couldn't tell which product you meant: reply to one of our product posts, or include the product's link.`;
      case "WRONG_MARKETPLACE":
        return `${facts.productTitle ?? "That item"} is sold in another store: reply with #${facts.rightHashtag ?? "its hashtag"} instead.`;
      case "UNSUPPORTED":
        return `${facts.productTitle ?? "That item"} can't be added by reply; you can get it on our site.`;
      case "UNKNOWN_SIZE":
        return `Which size of ${facts.productTitle ?? "it"}? Reply again with one of: ${sizeList(facts.sizesInStock, (size) => `size ${size}`, ", ")}.`;
      case "POST_CLOSED":
        return `Sorry, this post is no longer taking orders, so nothing was added to your ${cartWord}.`;
      case "RATE_LIMITED":
        return `That's a lot of adds in one minute! We'll skip more for a moment; try again shortly.`;
      default:
        return null;
    }
  })();
  if (!body) return null;
  return `${body}${facts.link ? ` ${facts.link}` : ""} (ref ${replyRef(facts.tweetId)})`;
}
