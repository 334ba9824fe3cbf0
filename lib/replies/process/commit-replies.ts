import type pg from "pg";
import type { Account, ReplyOutcome, TweetEvent } from "@/lib/generated/prisma/client";
import { X_PROVIDER_ID } from "@/lib/x/x-providers";
import { lockXUsers } from "@/lib/x/lock-x-user";
import { lockCarts } from "@/lib/cart/lock-cart";
import {
  addToCartLine,
  addToCartLines,
  type CartLineAdd,
  type LineAdd,
} from "@/lib/cart/add-to-cart-line";
import { newId } from "@/lib/database/new-id";
import { inSqlTransaction, type Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import { markDone } from "@/lib/inbox/inbox-status";
import { enqueue } from "@/lib/jobs/enqueue";
import { notifyRepliesCommitted } from "@/lib/live/notify-cart-change";
import { POST_BOT_REPLY, PROCESS_REPLY } from "@/lib/jobs/queues";
import { botReplyText, type BotReplyFacts } from "./bot-reply-text";
import { limitNonAddedAnswers } from "./limit-non-added-answers";
import type { ReplyRequest } from "@/lib/replies/parse/read-reply";
import type { ProductFacts } from "./reply-facts";
import { sizesInStock } from "@/lib/catalog/variant-stock";
import { replyLink, type ReplySettings } from "./reply-settings";

export type Decision = {
  outcome: ReplyOutcome;
  product: ProductFacts | null;
  request: ReplyRequest | null;
  /** The size decided, as the product spells it (resolveSize); null when none was. */
  variant: string | null;
  /**
   * False for the outcomes that get no bot reply (ignored, a repeated rate_limited); an answer
   * other than added may still stay unposted, past its X user's hourly allowance.
   */
  answer: boolean;
};

/** A reply carried out, before its cart add's result: the add, and its answer's facts. */
type Carried = Done & { add?: CartLineAdd; answerFacts: BotReplyFacts | null };

/** A reply decided and ready to commit, with the edit (if any) of the text it was decided on. */
export type DecidedReply = {
  tweetId: string;
  authorXId: string;
  editedAt: TweetEvent["editedAt"];
  decision: Decision;
};

type LockedReply = Pick<
  TweetEvent,
  "tweetId" | "status" | "deletedAt" | "authorXId" | "editedAt"
> & {
  userId: Account["userId"] | null;
};

const LOCK_REPLIES = statement<LockedReply>(
  `SELECT e."tweetId", e."status", e."deletedAt", e."authorXId", e."editedAt",
     (SELECT a."userId" FROM "Account" a
      WHERE a."provider" = $2 AND a."providerAccountId" = e."authorXId") AS "userId"
   FROM "TweetEvent" e WHERE e."tweetId" = ANY($1::text[])
   ORDER BY e."tweetId" FOR UPDATE OF e`,
);

const KEEP_PENDING = statement(
  `INSERT INTO "PendingAdd"
     ("id", "xUserId", "productId", "variant", "quantity", "sourceTweetId", "expiresAt", "createdAt")
   VALUES ($1, $2, $3, $4, $5::int, $6, $7, now())`,
);

type Done = {
  tweetId: string;
  authorXId: string;
  outcome: ReplyOutcome;
  productId: string | null;
  quantity: number | null;
  size: string | null;
  userId: string | null;
  text: string | null;
};

/**
 * Carries out decisions in one transaction: puts each product in its cart (or keeps it pending
 * for an unlinked X user), records the outcomes and queues the bot's answers. Plain SQL on a pg
 * connection, and one statement per step for the whole batch rather than per reply: the worker's
 * throughput is bounded by round trips to Postgres. Each reply once (processReplies drops
 * repeats). Returns each committed reply's outcome; a reply another worker finished first is
 * left out.
 */
export function commitReplies(
  pool: pg.Pool,
  replies: DecidedReply[],
  settings: ReplySettings,
): Promise<Map<string, ReplyOutcome>> {
  return inSqlTransaction(pool, async (sql) => {
    // The X users' locks first, as linking and unlinking take them: a link is either committed
    // before this looks, or waits for these pending adds and claims them.
    await lockXUsers(
      sql,
      replies.map((reply) => reply.authorXId),
    );
    const locked = await sql.query(LOCK_REPLIES, [
      replies.map((reply) => reply.tweetId),
      X_PROVIDER_ID,
    ]);
    const rows = new Map(locked.map((row) => [row.tweetId, row]));
    // Another worker finished the rest.
    const open = replies.flatMap((reply) => {
      const row = rows.get(reply.tweetId);
      return row?.status === "RECEIVED" ? [{ ...reply, row }] : [];
    });
    const adding = (reply: (typeof open)[number]) =>
      reply.decision.outcome === "ADDED" && !reply.row.deletedAt && reply.row.userId !== null;
    await lockCarts(
      sql,
      open.filter(adding).map((reply) => reply.row.userId!),
    );
    const carried: Carried[] = [];
    for (const reply of open) carried.push(await carryOut(sql, reply, reply.row, settings));
    const lines = await addAll(
      sql,
      carried.flatMap((reply) => (reply.add ? [reply.add] : [])),
    );
    // The answers say what went in, which the stock and the line's cap may have made less.
    const done = carried.map(({ add, answerFacts, ...reply }) =>
      settle(reply, answerFacts, add && lines.get(reply.tweetId), settings),
    );
    // Recorded all the same: the shopper sees the outcome on "My replies".
    const silenced = await limitNonAddedAnswers(sql, done, settings.nonAddedAnswersPerHour);
    for (const reply of done) if (silenced.has(reply.tweetId)) reply.text = null;
    await recordOutcomes(sql, done, settings);
    // Edited after it was read: committed as read, then the edit applied by a job of its own
    // (the edit's own job may have found the row still unprocessed and left it).
    const edited = open.filter((reply) => !sameTime(reply.row.editedAt, reply.editedAt));
    await enqueue(
      sql,
      edited.map((reply) => ({ name: PROCESS_REPLY, data: { tweetId: reply.tweetId } })),
    );
    await notifyRepliesCommitted(sql, done);
    return new Map(done.map((reply) => [reply.tweetId, reply.outcome]));
  });
}

/**
 * The batch's cart adds, oldest reply first for each line: the first add to each line in one
 * statement, then any further add to a line it already touched, one by one. What each reply
 * put in, by its id.
 */
async function addAll(sql: Sql, adds: CartLineAdd[]): Promise<Map<string, LineAdd>> {
  const firsts = new Map<string, CartLineAdd>();
  const repeats: CartLineAdd[] = [];
  for (const add of adds) {
    const line = JSON.stringify([add.key.userId, add.key.productId, add.key.variant]);
    if (firsts.has(line)) repeats.push(add);
    else firsts.set(line, add);
  }
  const results = new Map<string, LineAdd>();
  const batch = [...firsts.values()];
  (await addToCartLines(sql, batch)).forEach((result, index) =>
    results.set(batch[index]!.sourceTweetId!, result),
  );
  for (const add of repeats)
    results.set(
      add.sourceTweetId!,
      await addToCartLine(sql, add.key, add.wanted, add.sourceTweetId),
    );
  return results;
}

/**
 * A carried-out reply with what its line took: the quantity that went in, and its answer's
 * text. A line that could take none because it holds all its size's stock answers out of stock
 * (sold out, when the line holds none); one at the line's cap says so.
 */
function settle(
  reply: Done,
  facts: BotReplyFacts | null,
  line: LineAdd | undefined,
  settings: ReplySettings,
): Done {
  if (!line) return { ...reply, text: facts && botReplyText(facts) };
  const outcome = line.added === 0 && line.limitedBy === "stock" ? "OUT_OF_STOCK" : reply.outcome;
  // Out of stock with nothing in the line: the size sold out after the reply was decided.
  const soldOut = outcome === "OUT_OF_STOCK" && line.quantity === 0;
  const text =
    facts &&
    botReplyText({
      ...facts,
      outcome,
      quantity: line.added,
      limitedBy: soldOut ? null : line.limitedBy,
      sizesInStock: soldOut
        ? facts.sizesInStock.filter((size) => size !== facts.size)
        : facts.sizesInStock,
      link: replyLink(settings, outcome),
    });
  return { ...reply, outcome, quantity: line.added, text };
}

/**
 * One reply's part of the transaction, its row locked and its cart (if it adds) too: a pending
 * add is kept at once, a cart add is returned for addAll.
 */
async function carryOut(
  sql: Sql,
  { tweetId, decision }: DecidedReply,
  locked: LockedReply,
  settings: ReplySettings,
): Promise<Carried> {
  const { product, request } = decision;
  let { outcome, answer } = decision;
  if (locked.deletedAt) [outcome, answer] = ["WITHDRAWN", false];
  // Whatever the outcome, the reply belongs to the shop account linked to its author now.
  const userId = outcome === "IGNORED" ? null : locked.userId;
  const variant = decision.variant ?? "";
  let add: CartLineAdd | undefined;
  if (outcome === "ADDED" && product && request) {
    const line = { productId: product.id, variant };
    if (userId)
      add = { key: { ...line, userId }, wanted: request.quantity, sourceTweetId: tweetId };
    else {
      outcome = "NOT_LINKED";
      const pending = { ...line, quantity: request.quantity, xUserId: locked.authorXId, tweetId };
      await keepPending(sql, pending, settings);
    }
  }
  const answerFacts: BotReplyFacts | null = answer
    ? {
        tweetId,
        outcome,
        productTitle: product?.title ?? null,
        quantity: request?.quantity ?? 1,
        size: variant || null,
        sizesInStock: product ? sizesInStock(product.variants) : [],
        cartWord: product?.cartWord ?? "cart",
        rightHashtag: product?.hashtags[0] ?? null,
        pendingDays: settings.pendingDays,
        link: replyLink(settings, outcome),
        limitedBy: null,
      }
    : null;
  return {
    add,
    answerFacts,
    tweetId,
    authorXId: locked.authorXId,
    outcome,
    productId: product?.id ?? null,
    quantity: request?.quantity ?? null,
    size: decision.variant,
    userId,
    text: null,
  };
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

async function keepPending(
  sql: Sql,
  add: { xUserId: string; productId: string; variant: string; quantity: number; tweetId: string },
  settings: ReplySettings,
) {
  await sql.execute(KEEP_PENDING, [
    newId(),
    add.xUserId,
    add.productId,
    add.variant,
    add.quantity,
    add.tweetId,
    new Date(Date.now() + settings.pendingDays * 86_400_000),
  ]);
}

/** Marks the replies done and queues the bot's answers: one statement, one job insert. */
async function recordOutcomes(sql: Sql, done: Done[], settings: ReplySettings) {
  if (!done.length) return;
  // Added answers go first: any X account can make the others, and they must not hold back
  // the answers of shoppers whose carts changed.
  const urgent = (reply: Done) => reply.outcome === "ADDED";
  await markDone(
    sql,
    done.map((reply) => ({
      ...reply,
      answer: reply.text === null ? null : { id: newId(), text: reply.text, urgent: urgent(reply) },
    })),
    new Date(Date.now() + settings.botReplyTtlMinutes * 60_000),
  );
  await enqueue(
    sql,
    done
      .filter((reply) => reply.text !== null)
      .map((reply) => ({
        name: POST_BOT_REPLY,
        data: { tweetId: reply.tweetId },
        priority: urgent(reply) ? 10 : 0,
      })),
  );
}
