import type pg from "pg";
import type { ReplyOutcome } from "@/lib/generated/prisma/client";
import { X_PROVIDER_ID } from "@/lib/auth/x-providers";
import { lockXUserWith } from "@/lib/accounts/lock-x-user";
import { newId } from "@/lib/database/new-id";
import { inSqlTransaction, type Sql } from "@/lib/database/sql";
import { enqueueWith } from "@/lib/jobs/enqueue";
import { POST_BOT_REPLY } from "@/lib/jobs/queues";
import { addReplyToCart } from "./add-to-cart";
import { botReplyText } from "./bot-reply-text";
import type { ReplyRequest } from "./read-reply";
import type { ProductFacts } from "./reply-facts";
import { replyLink, type ReplySettings } from "./reply-settings";

export type Decision = {
  outcome: ReplyOutcome;
  product: ProductFacts | null;
  request: ReplyRequest | null;
  /** False for the outcomes that get no bot reply (ignored, a repeated rate_limited). */
  answer: boolean;
};

export const matchVariant = (variants: string[], size: string | null) =>
  size === null ? null : (variants.find((v) => v.toUpperCase() === size.toUpperCase()) ?? null);

type LockedReply = {
  status: string;
  deletedAt: Date | null;
  authorXId: string;
  userId: string | null;
};

/**
 * Carries out a decision in one transaction: puts the product in the cart (or keeps it pending
 * for an unlinked X user), records the outcome and queues the bot's answer. Plain SQL on a pg
 * connection: this runs once per reply and was the pipeline's bottleneck through Prisma.
 */
export function commitReply(
  pool: pg.Pool,
  tweetId: string,
  authorXId: string,
  decision: Decision,
  settings: ReplySettings,
): Promise<ReplyOutcome | null> {
  const { product, request } = decision;
  return inSqlTransaction(pool, async (sql) => {
    // The X user's lock first, as linking and unlinking take it: the link is either committed
    // before this looks, or waits for this pending add and claims it.
    await lockXUserWith(sql, authorXId);
    const [locked] = await sql.query<LockedReply>(
      `SELECT e."status", e."deletedAt", e."authorXId",
         (SELECT a."userId" FROM "Account" a
          WHERE a."provider" = $2 AND a."providerAccountId" = e."authorXId") AS "userId"
       FROM "TweetEvent" e WHERE e."tweetId" = $1 FOR UPDATE OF e`,
      [tweetId, X_PROVIDER_ID],
    );
    if (!locked || locked.status !== "RECEIVED") return null; // another worker finished it
    let { outcome, answer } = decision;
    if (locked.deletedAt) [outcome, answer] = ["WITHDRAWN", false];
    // Whatever the outcome, the reply belongs to the shop account linked to its author now.
    const userId = outcome === "IGNORED" ? null : locked.userId;
    const variant = product && request ? (matchVariant(product.variants, request.size) ?? "") : "";
    if (outcome === "ADDED" && product && request) {
      const add = { productId: product.id, variant, quantity: request.quantity };
      if (userId) await addReplyToCart(sql, { ...add, userId, tweetId });
      else {
        outcome = "NOT_LINKED";
        await keepPending(sql, { ...add, xUserId: locked.authorXId, tweetId }, settings);
      }
    }
    const text = answer
      ? botReplyText({
          tweetId,
          outcome,
          productTitle: product?.title ?? null,
          quantity: request?.quantity ?? 1,
          size: variant || null,
          sizes: product?.variants ?? [],
          cartWord: product?.cartWord ?? "cart",
          rightHashtag: product?.hashtags[0] ?? null,
          pendingDays: settings.pendingDays,
          link: replyLink(settings, outcome),
        })
      : null;
    const done = {
      outcome,
      productId: product?.id ?? null,
      quantity: request?.quantity ?? null,
      size: request?.size ?? null,
      userId,
    };
    await recordOutcome(sql, tweetId, done, text, settings);
    return outcome;
  });
}

async function keepPending(
  sql: Sql,
  add: { xUserId: string; productId: string; variant: string; quantity: number; tweetId: string },
  settings: ReplySettings,
) {
  await sql.execute(
    `INSERT INTO "PendingAdd"
       ("id", "xUserId", "productId", "variant", "quantity", "sourceTweetId", "expiresAt", "createdAt")
     VALUES ($1, $2, $3, $4, $5::int, $6, $7, now() AT TIME ZONE 'UTC')`,
    [
      newId(),
      add.xUserId,
      add.productId,
      add.variant,
      add.quantity,
      add.tweetId,
      new Date(Date.now() + settings.pendingDays * 86_400_000),
    ],
  );
}

/** Marks the reply done and, when it gets one, queues the bot's answer: one statement, one job. */
async function recordOutcome(
  sql: Sql,
  tweetId: string,
  done: {
    outcome: ReplyOutcome;
    productId: string | null;
    quantity: number | null;
    size: string | null;
    userId: string | null;
  },
  text: string | null,
  settings: ReplySettings,
) {
  // The answers a shopper must act on (link your account) go first.
  const urgent = done.outcome === "NOT_LINKED";
  await sql.execute(
    `WITH done AS (
       UPDATE "TweetEvent" SET "status" = 'DONE', "outcome" = $2::"ReplyOutcome",
         "productId" = $3, "quantity" = $4::int, "size" = $5, "userId" = $6, "processedAt" = now()
       WHERE "tweetId" = $1
     )
     INSERT INTO "OutboundReply"
       ("id", "inReplyToTweetId", "kind", "text", "urgent", "expiresAt", "updatedAt")
     SELECT $7, $1, $2::"ReplyOutcome", $8, $9, $10, now() AT TIME ZONE 'UTC'
     WHERE $8::text IS NOT NULL`,
    [
      tweetId,
      done.outcome,
      done.productId,
      done.quantity,
      done.size,
      done.userId,
      newId(),
      text,
      urgent,
      new Date(Date.now() + settings.botReplyTtlMinutes * 60_000),
    ],
  );
  if (text)
    await enqueueWith(sql, [
      { name: POST_BOT_REPLY, data: { tweetId }, priority: urgent ? 10 : 0 },
    ]);
}
