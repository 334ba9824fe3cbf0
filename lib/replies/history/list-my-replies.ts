import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";
import { orderNumber } from "@/lib/orders/order-number";
import { VARIANT_ORDER } from "@/lib/catalog/variant-stock";

export const REPLIES_PAGE_SIZE = 20;

/** `?before=` on /account/replies: the id of the last reply of the previous page. */
export const replyCursorSchema = z
  .string()
  .regex(/^[a-z0-9]{1,40}$/)
  .optional()
  .catch(undefined);

const replySelect = {
  id: true,
  tweetId: true,
  latestTweetId: true,
  authorUsername: true,
  text: true,
  status: true,
  outcome: true,
  quantity: true,
  size: true,
  deletedAt: true,
  receivedAt: true,
  editResult: true,
  product: {
    select: {
      id: true,
      title: true,
      imageUrl: true,
      // Its sizes, for "Which size?" (not the "" variant of a product without sizes).
      variants: { where: { name: { not: "" } }, orderBy: VARIANT_ORDER, select: { name: true } },
      digital: true,
      marketplace: { select: { hashtags: true, cartWord: true } },
    },
  },
  reply: { select: { status: true, postedTweetId: true } },
} satisfies Prisma.TweetEventSelect;

type ReplyRow = Prisma.TweetEventGetPayload<{ select: typeof replySelect }>;
export type MyReply = ReplyRow & {
  /** The add held for a reply made before linking: PENDING, CLAIMED, EXPIRED or WITHDRAWN. */
  pendingAdd: "PENDING" | "CLAIMED" | "EXPIRED" | "WITHDRAWN" | null;
  /** The order that took what the reply added, once the shopper checked it out. */
  order: { id: string; number: string } | null;
};
export type MyRepliesPage = { replies: MyReply[]; nextCursor: string | null };

/**
 * One page of a shopper's replies that replycart saw, newest first: only rows that counted for
 * this shop account, never the ignored ones. Keyset pagination (receivedAt, id), so a shopper
 * with thousands of replies costs one page per request; a cursor that is not theirs starts over.
 */
export async function listMyReplies(
  userId: string,
  { before, limit = REPLIES_PAGE_SIZE }: { before?: string; limit?: number } = {},
  db: Pick<PrismaClient, "tweetEvent" | "pendingAdd" | "cartItemSource"> = appDb,
): Promise<MyRepliesPage> {
  const cursor = before
    ? await db.tweetEvent.findFirst({
        where: { id: before, userId },
        select: { id: true, receivedAt: true },
      })
    : null;
  const rows = await db.tweetEvent.findMany({
    where: {
      userId,
      // `not` alone would also drop the rows not processed yet (NULL outcome).
      OR: [{ outcome: null }, { outcome: { not: "IGNORED" } }],
      ...(cursor && {
        AND: {
          OR: [
            { receivedAt: { lt: cursor.receivedAt } },
            { receivedAt: cursor.receivedAt, id: { lt: cursor.id } },
          ],
        },
      }),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: replySelect,
  });
  const page = rows.slice(0, limit);
  const held = page.filter((row) => row.outcome === "NOT_LINKED").map((row) => row.tweetId);
  const adds = held.length
    ? await db.pendingAdd.findMany({
        where: { sourceTweetId: { in: held } },
        select: { sourceTweetId: true, status: true, claimedById: true },
      })
    : [];
  const addOf = new Map(adds.map((add) => [add.sourceTweetId, add]));
  // Only this shopper's orders: an X account that moved between shop accounts took its
  // replies' history along, not the other account's orders.
  const ordered = await db.cartItemSource.findMany({
    where: {
      tweetId: { in: page.map((row) => row.tweetId) },
      orderItem: { order: { userId } },
    },
    select: { tweetId: true, orderItem: { select: { orderId: true } } },
  });
  const orderOf = new Map(ordered.map((source) => [source.tweetId, source.orderItem!.orderId]));
  return {
    replies: page.map((row) => {
      const add = addOf.get(row.tweetId);
      // Claimed by another shop account (the X account moved) is not this shopper's add.
      const mine = add && (add.status !== "CLAIMED" || add.claimedById === userId);
      const orderId = orderOf.get(row.tweetId);
      return {
        ...row,
        pendingAdd: mine ? add.status : null,
        order: orderId ? { id: orderId, number: orderNumber(orderId) } : null,
      };
    }),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
