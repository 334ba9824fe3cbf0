import type {
  Prisma,
  PrismaClient,
  ReplyEditResult,
  TweetEvent,
} from "@/lib/generated/prisma/client";
import { addToCartLine } from "@/lib/cart/add-to-cart-line";
import { lockCarts } from "@/lib/cart/lock-cart";
import { prismaSql, type Sql } from "@/lib/database/sql";
import { lockInboxRow } from "@/lib/inbox/inbox-status";
import { notifyCartChanges } from "@/lib/live/notify-cart-change";
import { readReply } from "@/lib/replies/parse/read-reply";
import { resolveSize } from "@/lib/replies/parse/resolve-size";
import { sizeNames, sizesInStock } from "@/lib/catalog/variant-stock";
import { botReplyText } from "./bot-reply-text";
import { readProductFacts, readReplyFacts, type ProductFacts } from "./reply-facts";
import { replyLink, type ReplySettings } from "./reply-settings";
import { takeReplyShare } from "./take-reply-share";

type EditState = Pick<TweetEvent, "status" | "deletedAt" | "editedAt" | "editHandledAt">;

/** A processed reply that took an edit at X the processor has not applied yet. */
export const editPending = (row: EditState) =>
  row.status === "DONE" &&
  !row.deletedAt &&
  !!row.editedAt &&
  (!row.editHandledAt || row.editHandledAt < row.editedAt);

/** What the edited reply now asks for, read as the processor reads a new one. */
type Wanted = { product: ProductFacts; quantity: number; variant: string };

/** The edit's effect: its result, and for a change, what the reply now holds. */
type Effect = {
  result: ReplyEditResult;
  now?: { quantity: number; variant: string; limitedBy: "stock" | "line" | null };
};

// Thrown to roll the edit back when its new line has no room: the old items stay.
class NoRoom extends Error {}

/**
 * Applies an edit of a processed reply (X allows edits for an hour) to what the reply added:
 * the quantity or the size it now asks for replaces what it put in its cart line (or in its
 * pending add), within the stock and the line's cap, as long as that line is still in the cart.
 * An ordered line stays as ordered; an edit that cannot be read, or whose line has no room,
 * leaves the cart as it was. The result is recorded on the reply for "My replies", and a bot
 * answer not yet sent is rewritten to say what the cart now holds. Running it again for the
 * same edit changes nothing.
 */
export async function applyReplyEdit(
  deps: { db: PrismaClient; settings: ReplySettings },
  tweetId: string,
): Promise<ReplyEditResult | null> {
  let seen: Date | null = null;
  try {
    return await deps.db.$transaction(async (tx) => {
      const sql = prismaSql(tx);
      await lockInboxRow(sql, tweetId);
      const row = await tx.tweetEvent.findUnique({ where: { tweetId } });
      if (!row || !editPending(row)) return null;
      seen = row.editedAt;
      const effect = await rework(tx, sql, row);
      await tx.tweetEvent.update({
        where: { tweetId },
        data: {
          editHandledAt: row.editedAt,
          editResult: effect.result,
          ...(effect.now && { quantity: effect.now.quantity, size: effect.now.variant || null }),
        },
      });
      if (effect.now && effect.result === "CHANGED")
        await rewriteWaitingAnswer(tx, row, effect.now, deps.settings);
      // The shopper's open tabs: the cart line (when it changed) and My replies.
      if (row.userId) {
        const inCart = effect.result === "CHANGED" && row.outcome === "ADDED" && effect.now;
        const line = inCart && {
          userId: row.userId,
          productId: row.productId!,
          quantity: inCart.quantity,
          size: inCart.variant,
        };
        await notifyCartChanges(sql, "edited", line ? [line] : [], [row.userId]);
      }
      return effect.result;
    });
  } catch (error) {
    if (!(error instanceof NoRoom)) throw error;
    // Only this edit: a later one that arrived meanwhile is still pending.
    await deps.db.tweetEvent.updateMany({
      where: { tweetId, editedAt: seen },
      data: { editHandledAt: seen, editResult: "KEPT" },
    });
    return "KEPT";
  }
}

async function rework(tx: Prisma.TransactionClient, sql: Sql, row: TweetEvent): Promise<Effect> {
  if ((row.outcome !== "ADDED" && row.outcome !== "NOT_LINKED") || !row.productId)
    return { result: "NOT_ADDED" };
  const wanted = await readWanted(sql, row.tweetId, row.productId);
  if (!wanted) return { result: "KEPT" };

  if (row.outcome === "NOT_LINKED") {
    const pending = await tx.pendingAdd.findUnique({ where: { sourceTweetId: row.tweetId } });
    if (pending?.status === "PENDING") {
      if (pending.quantity === wanted.quantity && pending.variant === wanted.variant)
        return { result: "UNCHANGED" };
      await tx.pendingAdd.update({
        where: { id: pending.id },
        data: { quantity: wanted.quantity, variant: wanted.variant },
      });
      const now = { quantity: wanted.quantity, variant: wanted.variant, limitedBy: null };
      return { result: "CHANGED", now };
    }
    // A claimed add is a cart line like any other; an expired or withdrawn one is gone.
    if (pending?.status !== "CLAIMED") return { result: "NOT_IN_CART" };
  }

  if (!row.userId) return { result: "NOT_IN_CART" };
  await lockCarts(sql, [row.userId]);
  // Read under the cart lock: a checkout may have just ordered the line.
  const source = await tx.cartItemSource.findUnique({
    where: { tweetId: row.tweetId },
    include: { cartItem: true },
  });
  if (source?.orderItemId) return { result: "ORDERED" };
  const line = source?.cartItem;
  if (!source || !line || line.userId !== row.userId) return { result: "NOT_IN_CART" };

  await takeReplyShare(tx, row.tweetId, source.quantity, line);
  const key = { userId: row.userId, productId: wanted.product.id, variant: wanted.variant };
  const added = await addToCartLine(sql, key, wanted.quantity, row.tweetId);
  if (added.added === 0) throw new NoRoom();
  const now = { quantity: added.added, variant: wanted.variant, limitedBy: added.limitedBy };
  const same = added.added === source.quantity && wanted.variant === line.variant;
  return { result: same ? "UNCHANGED" : "CHANGED", now };
}

/** The quantity and size the reply's text asks for now, or null when it asks for none clearly. */
async function readWanted(sql: Sql, tweetId: string, productId: string): Promise<Wanted | null> {
  const facts = (await readReplyFacts(sql, [tweetId])).get(tweetId);
  const request = facts && readReply(facts, facts.markets, facts.brandXId);
  const product = request ? await readProductFacts(sql, productId) : null;
  if (!request || !product) return null;
  const size = resolveSize(request.size, sizeNames(product.variants));
  if ("ask" in size) return null;
  return { product, quantity: request.quantity, variant: size.size ?? "" };
}

/** A bot answer not yet tried at X says what the cart now holds; a tried one keeps its text. */
async function rewriteWaitingAnswer(
  tx: Prisma.TransactionClient,
  row: TweetEvent,
  now: NonNullable<Effect["now"]>,
  settings: ReplySettings,
) {
  const product = await readProductFacts(prismaSql(tx), row.productId!);
  if (!product || !row.outcome) return;
  const text = botReplyText({
    tweetId: row.tweetId,
    outcome: row.outcome,
    productTitle: product.title,
    quantity: now.quantity,
    size: now.variant || null,
    sizesInStock: sizesInStock(product.variants),
    cartWord: product.cartWord,
    rightHashtag: product.hashtags[0] ?? null,
    pendingDays: settings.pendingDays,
    link: replyLink(settings, row.outcome),
    limitedBy: now.limitedBy,
  });
  if (!text) return;
  // Tried once, the text must stay: a retry meets X's duplicate rule instead of posting twice.
  await tx.outboundReply.updateMany({
    where: { inReplyToTweetId: row.tweetId, status: "PENDING", attemptStartedAt: null },
    data: { text },
  });
}
