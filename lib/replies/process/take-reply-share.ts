import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Takes what one reply put in out of its cart line (the line goes when nothing is left), with
 * the reply's source record. The caller holds the cart lock and has re-read the line under it.
 * A shopper who lowered the line below this reply's share keeps what the line's other replies
 * account for: taking one reply out never takes out another's items. Returns what the line
 * holds now.
 */
export async function takeReplyShare(
  tx: Prisma.TransactionClient,
  tweetId: string,
  share: number,
  line: { id: string; quantity: number },
): Promise<number> {
  const others = await tx.cartItemSource.aggregate({
    where: { cartItemId: line.id, tweetId: { not: tweetId } },
    _sum: { quantity: true },
  });
  const left = Math.max(line.quantity - share, Math.min(line.quantity, others._sum.quantity ?? 0));
  await tx.cartItemSource.delete({ where: { tweetId } });
  if (left > 0) await tx.cartItem.update({ where: { id: line.id }, data: { quantity: left } });
  else await tx.cartItem.delete({ where: { id: line.id } });
  return left;
}
