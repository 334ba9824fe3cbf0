import type { PrismaClient, Prisma, ProductTweet } from "@/lib/generated/prisma/client";

export const POSTS_PAGE_SIZE = 25;

export type PostState = "open" | "closed";

export type PostRow = Pick<ProductTweet, "tweetId" | "postedAt" | "closedAt" | "text"> & {
  product: { id: string; title: string; marketplaceCode: string };
  /** Replies to it still standing (deleted ones left out). */
  replies: number;
  /** Replies that put the product in a cart, or keep it for a shopper who has yet to link X. */
  adds: number;
  /** Orders holding an item one of its replies added. */
  orders: number;
};

export type PostsPage = { posts: PostRow[]; nextCursor: string | null };

/** `<postedAt ISO>_<tweetId>`: the last row of a page, the page after it starts below. */
const cursorOf = (post: Pick<ProductTweet, "postedAt" | "tweetId">) =>
  `${post.postedAt.toISOString()}_${post.tweetId}`;

function parseCursor(cursor: string | undefined) {
  const match = cursor && /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_(\d{1,20})$/.exec(cursor);
  if (!match) return null;
  const postedAt = new Date(match[1]!);
  return Number.isNaN(postedAt.getTime()) ? null : { postedAt, tweetId: match[2]! };
}

/**
 * The product posts, newest first, a page at a time (keyset on postedAt, tweetId), each with
 * what its replies did so far. A cursor that does not parse starts from the newest.
 */
export async function listPosts(
  db: PrismaClient,
  filter: { state?: PostState; productId?: string; before?: string } = {},
): Promise<PostsPage> {
  const after = parseCursor(filter.before);
  const where: Prisma.ProductTweetWhereInput = {
    ...(filter.state === "open" && { closedAt: null }),
    ...(filter.state === "closed" && { closedAt: { not: null } }),
    ...(filter.productId && { productId: filter.productId }),
    ...(after && {
      OR: [
        { postedAt: { lt: after.postedAt } },
        { postedAt: after.postedAt, tweetId: { lt: after.tweetId } },
      ],
    }),
  };
  const rows = await db.productTweet.findMany({
    where,
    orderBy: [{ postedAt: "desc" }, { tweetId: "desc" }],
    take: POSTS_PAGE_SIZE + 1,
    select: {
      tweetId: true,
      postedAt: true,
      closedAt: true,
      text: true,
      product: { select: { id: true, title: true, marketplace: { select: { code: true } } } },
    },
  });
  const page = rows.slice(0, POSTS_PAGE_SIZE);
  const ids = page.map((row) => row.tweetId);
  const replies = await db.tweetEvent.findMany({
    where: { inReplyToId: { in: ids }, deletedAt: null },
    select: { tweetId: true, inReplyToId: true, outcome: true },
  });
  const ordered = await db.cartItemSource.findMany({
    where: {
      tweetId: { in: replies.map((reply) => reply.tweetId) },
      orderItemId: { not: null },
    },
    select: { tweetId: true, orderItem: { select: { orderId: true } } },
  });
  const postOf = new Map(replies.map((reply) => [reply.tweetId, reply.inReplyToId]));
  const ordersOf = new Map<string, Set<string>>();
  for (const source of ordered) {
    const post = postOf.get(source.tweetId);
    if (!post || !source.orderItem) continue;
    ordersOf.set(post, (ordersOf.get(post) ?? new Set()).add(source.orderItem.orderId));
  }
  const posts = page.map(({ product, ...row }) => {
    const own = replies.filter((reply) => reply.inReplyToId === row.tweetId);
    return {
      ...row,
      product: { id: product.id, title: product.title, marketplaceCode: product.marketplace.code },
      replies: own.length,
      adds: own.filter((reply) => reply.outcome === "ADDED" || reply.outcome === "NOT_LINKED")
        .length,
      orders: ordersOf.get(row.tweetId)?.size ?? 0,
    };
  });
  return {
    posts,
    nextCursor: rows.length > POSTS_PAGE_SIZE ? cursorOf(page[page.length - 1]!) : null,
  };
}
