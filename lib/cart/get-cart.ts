import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { db as appDb } from "@/lib/database/db";
import { stockOf } from "@/lib/catalog/variant-stock";
import { withShortages } from "./stock-shortage";

/** How long the cart keeps telling the shopper about a reply they deleted on X. */
export const WITHDRAWAL_NOTICE_DAYS = 7;

/** A reply that put some of a line in the cart. */
export type CartLineSource = {
  tweetId: string;
  quantity: number;
  /** When the reply was posted on X (when it reached us, if X gave no time). */
  repliedAt: Date;
  /** For xPostUrl: the reply's latest version and its author; null when the reply is unknown. */
  latestTweetId: string | null;
  authorUsername: string | null;
  /** Deleted on X: there is nothing left to link to. */
  deleted: boolean;
};

export type CartLine = {
  id: string;
  productId: string;
  title: string;
  imageUrl: string | null;
  /** "" when the product has no sizes. */
  variant: string;
  /** Today's price, in the group's currency. */
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
  /** Of the line's size (the product's one variant when it has no sizes). */
  stock: number;
  active: boolean;
  digital: boolean;
  /** The price when the line was created, when it differs from today's. */
  priceChangedFrom: number | null;
  /** Nothing left to sell: none of its size, or the product is no longer sold. */
  outOfStock: boolean;
  /** How far the line goes past its size's stock (0 when there are enough). */
  shortBy: number;
  sources: CartLineSource[];
  /** The part of the quantity no reply accounts for: added on the website. */
  websiteQuantity: number;
};

export type CartGroup = {
  marketplace: { code: string; name: string; currency: string; cartWord: string };
  lines: CartLine[];
  itemCount: number;
  /** At today's prices, in `marketplace.currency`; never summed across groups. */
  subtotalMinor: number;
  /** Some line is out of stock or short: checkout will ask the shopper to fix it. */
  needsAttention: boolean;
};

/** A reply deleted on X lately whose quantity left the cart. */
export type CartWithdrawal = {
  tweetId: string;
  productId: string | null;
  productTitle: string | null;
  quantity: number | null;
  withdrawnAt: Date;
};

export type Cart = { groups: CartGroup[]; itemCount: number; withdrawals: CartWithdrawal[] };

const lineSelect = {
  id: true,
  variant: true,
  quantity: true,
  addedPriceMinor: true,
  createdAt: true,
  sources: { select: { tweetId: true, quantity: true, createdAt: true } },
  product: {
    select: {
      id: true,
      title: true,
      imageUrl: true,
      priceMinor: true,
      active: true,
      digital: true,
      variants: { select: { name: true, stock: true } },
      marketplace: { select: { code: true, name: true, currency: true, cartWord: true } },
    },
  },
} satisfies Prisma.CartItemSelect;

type LineRow = Prisma.CartItemGetPayload<{ select: typeof lineSelect }>;
type ReplyRow = {
  tweetId: string;
  latestTweetId: string;
  authorUsername: string | null;
  postedAt: Date | null;
  receivedAt: Date;
  deletedAt: Date | null;
};

/**
 * The shopper's cart, one group per marketplace (by code), lines oldest first, at today's prices:
 * what needs the shopper's attention and which replies put each line there, plus the replies
 * they deleted on X in the last week whose items left the cart.
 */
export async function getCart(
  userId: string,
  { now = new Date() }: { now?: Date } = {},
  db: Pick<PrismaClient, "cartItem" | "tweetEvent"> = appDb,
): Promise<Cart> {
  const rows = await db.cartItem.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: lineSelect,
  });
  const tweetIds = rows.flatMap((row) => row.sources.map((source) => source.tweetId));
  const [replies, withdrawn] = await Promise.all([
    tweetIds.length
      ? db.tweetEvent.findMany({
          where: { userId, tweetId: { in: tweetIds } },
          select: {
            tweetId: true,
            latestTweetId: true,
            authorUsername: true,
            postedAt: true,
            receivedAt: true,
            deletedAt: true,
          },
        })
      : [],
    db.tweetEvent.findMany({
      where: {
        userId,
        outcome: "WITHDRAWN",
        deletedAt: { gte: new Date(now.getTime() - WITHDRAWAL_NOTICE_DAYS * 86_400_000) },
      },
      orderBy: { deletedAt: "desc" },
      take: 20,
      select: {
        tweetId: true,
        quantity: true,
        deletedAt: true,
        product: { select: { id: true, title: true } },
      },
    }),
  ]);
  const replyOf = new Map(replies.map((reply) => [reply.tweetId, reply]));

  const lines = withShortages(rows.map((row) => toLine(row, replyOf)));
  const groups = new Map<string, CartGroup>();
  for (const [index, row] of rows.entries()) {
    const line = lines[index]!;
    const { marketplace } = row.product;
    const group = groups.get(marketplace.code) ?? {
      marketplace,
      lines: [],
      itemCount: 0,
      subtotalMinor: 0,
      needsAttention: false,
    };
    group.lines.push(line);
    group.itemCount += line.quantity;
    group.subtotalMinor += line.lineTotalMinor;
    group.needsAttention ||= line.outOfStock || line.shortBy > 0;
    groups.set(marketplace.code, group);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.marketplace.code.localeCompare(b.marketplace.code),
  );
  return {
    groups: sorted,
    itemCount: sorted.reduce((sum, group) => sum + group.itemCount, 0),
    withdrawals: withdrawn.map((event) => ({
      tweetId: event.tweetId,
      productId: event.product?.id ?? null,
      productTitle: event.product?.title ?? null,
      quantity: event.quantity,
      withdrawnAt: event.deletedAt!,
    })),
  };
}

function toLine(row: LineRow, replyOf: Map<string, ReplyRow>): Omit<CartLine, "shortBy"> {
  const { product } = row;
  const stock = stockOf(product.variants, row.variant);
  const outOfStock = !product.active || stock <= 0;
  const sources = row.sources
    .map((source): CartLineSource => {
      const reply = replyOf.get(source.tweetId);
      return {
        tweetId: source.tweetId,
        quantity: source.quantity,
        repliedAt: reply?.postedAt ?? reply?.receivedAt ?? source.createdAt,
        latestTweetId: reply?.latestTweetId ?? null,
        authorUsername: reply?.authorUsername ?? null,
        deleted: Boolean(reply?.deletedAt),
      };
    })
    .sort((a, b) => a.repliedAt.getTime() - b.repliedAt.getTime());
  const fromReplies = sources.reduce((sum, source) => sum + source.quantity, 0);
  return {
    id: row.id,
    productId: product.id,
    title: product.title,
    imageUrl: product.imageUrl,
    variant: row.variant,
    unitPriceMinor: product.priceMinor,
    quantity: row.quantity,
    lineTotalMinor: product.priceMinor * row.quantity,
    stock,
    active: product.active,
    digital: product.digital,
    priceChangedFrom:
      row.addedPriceMinor !== null && row.addedPriceMinor !== product.priceMinor
        ? row.addedPriceMinor
        : null,
    outOfStock,
    sources,
    websiteQuantity: Math.max(0, row.quantity - fromReplies),
  };
}
