import type { Prisma } from "@/lib/generated/prisma/client";
import { addReplyToCart } from "./add-to-cart";

/**
 * Moves an X user's pending adds (replies made before they linked) into the shopper's cart.
 * Runs inside the transaction that links the X account, so the adds land exactly when the link
 * does. Expired ones are marked so and stay out. Returns how many cart lines received items.
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
  const pending = await tx.pendingAdd.findMany({
    where: { xUserId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
  });
  let landed = 0;
  for (const add of pending) {
    const added = await addReplyToCart(tx, {
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
    if (added > 0) landed += 1;
  }
  // The replies this X user made while unlinked are theirs to see on "My replies" now.
  await tx.tweetEvent.updateMany({ where: { authorXId: xUserId, userId: null }, data: { userId } });
  return landed;
}
