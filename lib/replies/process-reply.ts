import type { Prisma, PrismaClient, ReplyOutcome, TweetEvent } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID, X_PROVIDER_ID } from "@/lib/auth/x-providers";
import { enqueue } from "@/lib/jobs/enqueue";
import { POST_BOT_REPLY } from "@/lib/jobs/queues";
import { lockXUser } from "@/lib/accounts/lock-x-user";
import { addReplyToCart } from "./add-to-cart";
import { consumeReplyAdd, type AddVerdict } from "./add-limit";
import { botReplyText } from "./bot-reply-text";
import { readReply, type ReplyRequest } from "./read-reply";
import { replyLink, type ReplySettings } from "./reply-settings";
import { resolveProductId, type ParentLookup } from "./resolve-product";
import { withdrawReply } from "./withdraw-reply";

export type ProcessDeps = {
  db: PrismaClient;
  settings: ReplySettings;
  /** X's answer about a parent Post (the simulator or X itself by default). */
  lookUpParent?: ParentLookup;
  consumeAdd?: (xUserId: string, perMinute: number) => Promise<AddVerdict>;
};

type ProductFacts = Prisma.ProductGetPayload<{ include: { marketplace: true } }>;

type Decision = {
  outcome: ReplyOutcome;
  product: ProductFacts | null;
  request: ReplyRequest | null;
  /** False for the outcomes that get no bot reply (ignored, a repeated rate_limited). */
  answer: boolean;
};

/**
 * Processes one inbox row once: reads the reply, finds the product, and in one transaction puts
 * it in the cart (or keeps it pending for an unlinked X user), records the outcome and queues
 * the bot's answer. Safe to run any number of times for one row: only a row still RECEIVED is
 * processed, under its row lock. A row deleted after processing has its add withdrawn.
 */
export async function processReply(
  tweetId: string,
  deps: ProcessDeps,
): Promise<ReplyOutcome | null> {
  const { db } = deps;
  const event = await db.tweetEvent.findUnique({ where: { tweetId } });
  if (!event) return null;
  if (event.status !== "RECEIVED") {
    if (event.deletedAt) await withdrawReply(db, tweetId);
    return event.outcome;
  }
  const decision = event.deletedAt
    ? { outcome: "WITHDRAWN" as const, product: null, request: null, answer: false }
    : await decide(event, deps);
  return commit(tweetId, event.authorXId, decision, deps);
}

async function decide(
  event: Pick<TweetEvent, "authorXId" | "source" | "text" | "raw" | "inReplyToId">,
  deps: ProcessDeps,
): Promise<Decision> {
  const { db, settings } = deps;
  const markets = await db.marketplace.findMany();
  const brand = await db.account.findFirst({
    where: { provider: BRAND_PROVIDER_ID },
    select: { providerAccountId: true },
  });
  const request = readReply(event, markets, brand?.providerAccountId ?? null);
  if (!request) return { outcome: "IGNORED", product: null, request: null, answer: false };

  // Counted before anything billed (the parent lookup, the bot's answer).
  const verdict = await (deps.consumeAdd ?? consumeReplyAdd)(
    event.authorXId,
    settings.addsPerMinute,
  );
  if (verdict !== "allowed")
    return { outcome: "RATE_LIMITED", product: null, request, answer: verdict === "first-refusal" };

  const shopHosts = [...new Set(markets.flatMap((market) => market.shopHosts))];
  const productId = await resolveProductId(
    db,
    { inReplyToId: event.inReplyToId, urls: request.urls },
    shopHosts,
    deps.lookUpParent,
  );
  const product = productId
    ? await db.product.findUnique({ where: { id: productId }, include: { marketplace: true } })
    : null;
  const decided = (outcome: ReplyOutcome): Decision => ({
    outcome,
    product,
    request,
    answer: true,
  });
  if (!product || !product.active) return { ...decided("NO_PRODUCT"), product: null };
  if (!request.marketCodes.includes(product.marketplace.code)) return decided("WRONG_MARKETPLACE");
  if (product.digital) return decided("UNSUPPORTED");
  if (product.variants.length && !matchVariant(product.variants, request.size))
    return decided("UNKNOWN_SIZE");
  if (product.stock <= 0) return decided("OUT_OF_STOCK");
  // ADDED or NOT_LINKED: decided under the row lock, against the links as they are then.
  return decided("ADDED");
}

const matchVariant = (variants: string[], size: string | null) =>
  size === null ? null : (variants.find((v) => v.toUpperCase() === size.toUpperCase()) ?? null);

async function commit(tweetId: string, authorXId: string, decision: Decision, deps: ProcessDeps) {
  const { settings } = deps;
  const { product, request } = decision;
  return deps.db.$transaction(async (tx) => {
    // The X user's lock first, as linking and unlinking take it: the link is either committed
    // before this looks, or waits for this pending add and claims it.
    await lockXUser(tx, authorXId);
    const [locked] = await tx.$queryRaw<
      { status: string; deletedAt: Date | null; authorXId: string }[]
    >`
      SELECT "status", "deletedAt", "authorXId" FROM "TweetEvent" WHERE "tweetId" = ${tweetId} FOR UPDATE`;
    if (!locked || locked.status !== "RECEIVED") return null; // another worker finished it
    let { outcome } = decision;
    let answer = decision.answer;
    if (locked.deletedAt) [outcome, answer] = ["WITHDRAWN", false];
    // Whatever the outcome, the reply belongs to the shop account linked to its author now.
    const link =
      outcome === "IGNORED"
        ? null
        : await tx.account.findUnique({
            where: {
              provider_providerAccountId: {
                provider: X_PROVIDER_ID,
                providerAccountId: locked.authorXId,
              },
            },
            select: { userId: true },
          });
    const userId: string | null = link?.userId ?? null;
    const variant = product && request ? (matchVariant(product.variants, request.size) ?? "") : "";
    if (outcome === "ADDED" && product && request) {
      if (userId) {
        await addReplyToCart(tx, {
          userId,
          productId: product.id,
          variant,
          quantity: request.quantity,
          tweetId,
        });
      } else {
        outcome = "NOT_LINKED";
        await tx.pendingAdd.create({
          data: {
            xUserId: locked.authorXId,
            productId: product.id,
            variant,
            quantity: request.quantity,
            sourceTweetId: tweetId,
            expiresAt: new Date(Date.now() + settings.pendingDays * 86_400_000),
          },
        });
      }
    }
    await tx.tweetEvent.update({
      where: { tweetId },
      data: {
        status: "DONE",
        outcome,
        productId: product?.id ?? null,
        quantity: request?.quantity ?? null,
        size: request?.size ?? null,
        userId,
        processedAt: new Date(),
      },
    });
    const text = answer
      ? botReplyText({
          tweetId,
          outcome,
          productTitle: product?.title ?? null,
          quantity: request?.quantity ?? 1,
          size: variant || null,
          sizes: product?.variants ?? [],
          cartWord: product?.marketplace.cartWord ?? "cart",
          rightHashtag: product?.marketplace.hashtags[0] ?? null,
          pendingDays: settings.pendingDays,
          link: replyLink(settings, outcome),
        })
      : null;
    if (text) {
      const urgent = outcome === "NOT_LINKED";
      await tx.outboundReply.create({
        data: {
          inReplyToTweetId: tweetId,
          kind: outcome,
          text,
          urgent,
          expiresAt: new Date(Date.now() + settings.botReplyTtlMinutes * 60_000),
        },
      });
      await enqueue(tx, [{ name: POST_BOT_REPLY, data: { tweetId }, priority: urgent ? 10 : 0 }]);
    }
    return outcome;
  }, REPLY_TRANSACTION);
}

// Waits on a shopper's cart lock are short but can queue behind a burst of their replies.
const REPLY_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };
