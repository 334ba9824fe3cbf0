import type { PendingAdd, Prisma } from "@/lib/generated/prisma/client";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import { notifyCartChanges, type CartChangeLine } from "@/lib/live/notify-cart-change";
import { addReplyToCart } from "./add-reply-to-cart";

const LOCK_PENDING_ADDS = statement<Pick<PendingAdd, "id">>(
  `SELECT p."id" FROM "PendingAdd" p JOIN "TweetEvent" e ON e."tweetId" = p."sourceTweetId"
   WHERE p."xUserId" = $1 AND p."status" = 'PENDING' AND e."deletedAt" IS NULL
   ORDER BY p."createdAt"
   FOR UPDATE OF e, p`,
);

/**
 * Moves an X user's pending adds (replies made before they linked) into the shopper's cart.
 * Runs inside the transaction that links the X account, so the adds land exactly when the link
 * does. Expired ones are marked so and stay out. Returns how many items went into the cart (a
 * full line takes fewer than a reply asked for).
 */
export async function claimPendingAdds(
  tx: Prisma.TransactionClient,
  userId: string,
  xUserId: string,
  now: Date = new Date(),
): Promise<number> {
  await tx.pendingAdd.updateMany({
    where: { xUserId, status: "PENDING", expiresAt: { lte: now } },
    data: { status: "EXPIRED", settledAt: now },
  });
  // Their source replies are locked too: a delete arriving now either waits for this claim (and
  // its withdrawal then finds the cart line) or came first (and the add is not claimed).
  const locked = await prismaSql(tx).query(LOCK_PENDING_ADDS, [xUserId]);
  const pending = await tx.pendingAdd.findMany({
    where: { id: { in: locked.map((row) => row.id) } },
    orderBy: { createdAt: "asc" },
  });
  const lines: CartChangeLine[] = [];
  for (const add of pending) {
    const added = await addReplyToCart(prismaSql(tx), {
      userId,
      productId: add.productId,
      variant: add.variant,
      quantity: add.quantity,
      tweetId: add.sourceTweetId,
    });
    await tx.pendingAdd.update({
      where: { id: add.id },
      data: { status: "CLAIMED", claimedById: userId, settledAt: now },
    });
    if (added > 0)
      lines.push({ userId, productId: add.productId, quantity: added, size: add.variant });
  }
  // The replies this X user made while unlinked are theirs to see on "My replies" now.
  await tx.tweetEvent.updateMany({ where: { authorXId: xUserId, userId: null }, data: { userId } });
  // The shopper's other open tabs show the items (and the replies now theirs) at once.
  await notifyCartChanges(prismaSql(tx), "reply", lines, [userId]);
  return lines.reduce((items, line) => items + line.quantity, 0);
}
