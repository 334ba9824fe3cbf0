import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lockCarts } from "@/lib/cart/lock-cart";
import { prismaSql } from "@/lib/database/sql";
import { lockInboxRow, markWithdrawn } from "@/lib/inbox/inbox-status";
import { notifyCartChanges } from "@/lib/live/notify-cart-change";
import { takeReplyShare } from "./take-reply-share";

/**
 * Undoes what a reply did once its author deleted it: its quantity leaves the cart line (the line
 * goes when nothing is left), a pending add is withdrawn, and a bot answer not yet posted is
 * cancelled. What was already ordered stays ordered (its source sits on the order line, and the
 * outcome stays "added"). Running it again changes nothing.
 */
export async function withdrawReply(db: PrismaClient, tweetId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockInboxRow(prismaSql(tx), tweetId);
    let withdrew = false;
    const source = await tx.cartItemSource.findUnique({
      where: { tweetId },
      include: { cartItem: true },
    });
    if (source?.cartItem) {
      await lockCarts(prismaSql(tx), [source.cartItem.userId]);
      // Re-read under the lock: a checkout may have ordered the line meanwhile.
      const line = await tx.cartItem.findFirst({
        where: { id: source.cartItem.id, sources: { some: { tweetId } } },
      });
      if (line) {
        const left = await takeReplyShare(tx, tweetId, source.quantity, line);
        const { userId, productId, variant } = line;
        const gone = { userId, productId, quantity: line.quantity - left, size: variant };
        await notifyCartChanges(prismaSql(tx), "withdrawn", [gone]);
        withdrew = true;
      }
    }
    const pending = await tx.pendingAdd.updateMany({
      where: { sourceTweetId: tweetId, status: "PENDING" },
      data: { status: "WITHDRAWN", settledAt: new Date() },
    });
    if (pending.count) withdrew = true;
    await tx.outboundReply.updateMany({
      where: { inReplyToTweetId: tweetId, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
    if (withdrew) await markWithdrawn(tx, tweetId);
  });
}
