import type { MyReply } from "./list-my-replies";
import { productPath } from "@/lib/catalog/product-id";

export type Tone = "success" | "warning" | "danger" | "neutral" | "info";

export type ReplyDescription = {
  /** The outcome in a few words. */
  label: string;
  tone: Tone;
  /** What happened and what to do next. */
  advice: string;
  action?: { href: string; label: string };
};

type Facts = Pick<MyReply, "status" | "outcome" | "quantity" | "pendingAdd" | "product"> &
  Partial<Pick<MyReply, "order" | "size">>;

const sizesOf = (sizes: { name: string }[]) =>
  sizes.map((size) => `“size ${size.name}”`).join(", ");

/** A shopper's reply in plain words, for "My replies". */
export function describeReply({
  status,
  outcome,
  quantity,
  pendingAdd,
  product,
  order,
  size,
}: Facts): ReplyDescription {
  const cartWord = product?.marketplace.cartWord ?? "cart";
  const productPage = product && { href: productPath(product.id) };
  // What it added was checked out: whatever the outcome said then, it is an order now.
  if (order)
    return {
      label: "Ordered",
      tone: "success",
      advice: `You checked it out: it is in order ${order.number}.`,
      action: { href: `/orders/${order.id}`, label: `See order ${order.number}` },
    };
  if (!outcome) {
    if (status === "FAILED")
      return {
        label: "Not processed",
        tone: "danger",
        advice: "Something went wrong on our side with this reply. Reply again to try once more.",
      };
    return {
      label: "Being processed",
      tone: "neutral",
      advice: "We are reading this reply now. Refresh in a moment to see what happened.",
    };
  }
  switch (outcome) {
    case "ADDED":
      // The line already held the most one line can: the bot said nothing more went in.
      if (quantity === 0)
        return {
          label: `Your ${cartWord} was full for it`,
          tone: "warning",
          advice: `Your ${cartWord} already held 10 of it, the most one line can, so nothing more was added.`,
          action: { href: "/cart", label: `Go to your ${cartWord}` },
        };
      return {
        label: `Added to your ${cartWord}`,
        tone: "success",
        advice: `It waits in your ${cartWord} until you check out on our site.`,
        action: { href: "/cart", label: `Go to your ${cartWord}` },
      };
    case "NOT_LINKED":
      if (pendingAdd === "CLAIMED")
        return {
          label: "Added when you linked X",
          tone: "success",
          advice: `You replied before linking your X account; we kept it and added it to your ${cartWord} when you linked.`,
          action: { href: "/cart", label: `Go to your ${cartWord}` },
        };
      if (pendingAdd === "EXPIRED")
        return {
          label: "Not added: kept too long",
          tone: "warning",
          advice:
            "You replied before linking your X account and linked after we stopped holding it. Reply again to add it.",
        };
      return {
        label: "Your X account was not linked",
        tone: "warning",
        advice:
          pendingAdd === "PENDING"
            ? `Link your X account to this shop account and it lands in your ${cartWord}.`
            : "Link your X account to this shop account, then reply again.",
        action: { href: "/account", label: "Link your account" },
      };
    case "UNKNOWN_SIZE":
      return {
        label: "Which size?",
        tone: "warning",
        advice: product?.variants.length
          ? `This product comes in sizes. Reply again with one of ${sizesOf(product.variants)}.`
          : "This product comes in sizes. Reply again with the size you want.",
        ...(productPage && { action: { ...productPage, label: "See the sizes" } }),
      };
    case "WRONG_MARKETPLACE": {
      const hashtag = product?.marketplace.hashtags[0];
      return {
        label: "Another store's hashtag",
        tone: "warning",
        advice: hashtag
          ? `This product is sold in another store: reply with #${hashtag} instead.`
          : "This product is sold in another store: reply with that store's hashtag instead.",
      };
    }
    case "OUT_OF_STOCK":
      return {
        label: "Out of stock",
        tone: "warning",
        advice: size
          ? `Size ${size} was sold out, so nothing was added to your ${cartWord}. Reply again with a size in stock, or when it is back.`
          : `Nothing was added to your ${cartWord}. Reply again when it is back in stock.`,
        ...(productPage && { action: { ...productPage, label: "Check the stock" } }),
      };
    case "NO_PRODUCT":
      return {
        label: "No product found",
        tone: "warning",
        advice:
          "We could not tell which product you meant. Reply to one of our product posts on X, or include the product's link.",
      };
    case "UNSUPPORTED":
      return {
        label: "Can't be added by reply",
        tone: "neutral",
        advice: "Digital items are sold on our website only: buy it on its page.",
        ...(productPage && { action: { ...productPage, label: "Buy it on the site" } }),
      };
    case "RATE_LIMITED":
      return {
        label: "Too many at once",
        tone: "warning",
        advice:
          "You added a lot within a minute, so we skipped this one. Wait a minute, then reply again.",
      };
    case "WITHDRAWN":
      return {
        label: "You deleted this reply",
        tone: "neutral",
        advice: `Deleting the reply on X took it back out of your ${cartWord}.`,
      };
    case "POST_CLOSED":
      return {
        label: "No longer taking orders",
        tone: "neutral",
        advice: `The shop closed this post for orders before your reply, so nothing was added to your ${cartWord}.`,
        ...(productPage && { action: { ...productPage, label: "See the product" } }),
      };
    case "IGNORED":
      return { label: "Ignored", tone: "neutral", advice: "This reply did not ask for anything." };
  }
}

/**
 * What an edit of the reply at X did, in the shopper's words; null when it was not edited after
 * we read it, or the edit asked for what it had already added.
 */
export function describeEdit({
  editResult,
  quantity,
  size,
  outcome,
  product,
}: Pick<MyReply, "editResult" | "quantity" | "size" | "outcome" | "product">): string | null {
  const cartWord = product?.marketplace.cartWord ?? "cart";
  switch (editResult) {
    case "CHANGED": {
      const what = `${quantity ?? 1} × ${product?.title ?? "it"}${size ? `, size ${size}` : ""}`;
      return outcome === "NOT_LINKED"
        ? `You edited this reply: we now keep ${what} for when you link your X account.`
        : `You edited this reply: your ${cartWord} now holds ${what} from it.`;
    }
    case "ORDERED":
      return "You edited this reply after you ordered it: the order stays as you placed it.";
    case "KEPT":
      return `You edited this reply, but we could not add what the edit asks for (an unclear size or quantity, or no room left), so your ${cartWord} stayed as it was. Change it in your ${cartWord}.`;
    case "NOT_IN_CART":
      return `You edited this reply after its items had left your ${cartWord}, so the edit changed nothing.`;
    case "NOT_ADDED":
      return "You edited this reply, but it had added nothing, so the edit changed nothing: reply again to add.";
    default:
      return null;
  }
}

/** What became of the bot's answer on X; null when the reply gets none. */
export function describeBotAnswer(reply: MyReply["reply"]): { text: string; tone: Tone } | null {
  if (!reply) return null;
  switch (reply.status) {
    case "SENT":
      return { text: "Our bot answered you on X.", tone: "success" };
    case "PENDING":
      return { text: "Our bot's answer is waiting to be posted on X.", tone: "neutral" };
    case "REFUSED":
      return {
        text: "X did not let our bot answer you there; this page is where you see what happened.",
        tone: "warning",
      };
    case "EXPIRED":
      return {
        text: "Our bot could not answer on X in time (X limits how often it may post), so it did not.",
        tone: "warning",
      };
    case "CANCELLED":
      return {
        text: "Our bot's answer was cancelled: the reply was deleted first.",
        tone: "neutral",
      };
    case "FAILED":
      return { text: "Our bot's answer could not be posted on X.", tone: "warning" };
  }
}
