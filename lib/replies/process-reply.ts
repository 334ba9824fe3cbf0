import type pg from "pg";
import type { PrismaClient, ReplyOutcome } from "@/lib/generated/prisma/client";
import { pgSql } from "@/lib/database/sql";
import { consumeReplyAdd, type AddVerdict } from "./add-limit";
import { commitReply, matchVariant, type Decision } from "./commit-reply";
import { readReply } from "./read-reply";
import { readProductFacts, readReplyFacts, type ReplyFacts } from "./reply-facts";
import type { ReplySettings } from "./reply-settings";
import { resolveProductId, type ParentLookup } from "./resolve-product";
import { withdrawReply } from "./withdraw-reply";

export type ProcessDeps = {
  /** For the rare paths: withdrawals, parent Posts read from X. */
  db: PrismaClient;
  /** For the path every reply takes, in plain SQL. */
  pool: pg.Pool;
  settings: ReplySettings;
  /** X's answer about a parent Post (the simulator or X itself by default). */
  lookUpParent?: ParentLookup;
  consumeAdd?: (xUserId: string, perMinute: number, pool: pg.Pool) => Promise<AddVerdict>;
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
  const facts = await readReplyFacts(pgSql(deps.pool), tweetId);
  if (!facts) return null;
  if (facts.status !== "RECEIVED") {
    if (facts.deletedAt) await withdrawReply(deps.db, tweetId);
    return facts.outcome;
  }
  const decision: Decision = facts.deletedAt
    ? { outcome: "WITHDRAWN", product: null, request: null, answer: false }
    : await decide(facts, deps);
  return commitReply(deps.pool, tweetId, facts.authorXId, decision, deps.settings);
}

async function decide(facts: ReplyFacts, deps: ProcessDeps): Promise<Decision> {
  const { settings } = deps;
  const request = readReply(facts, facts.markets, facts.brandXId);
  if (!request) return { outcome: "IGNORED", product: null, request: null, answer: false };

  // Counted before anything billed (the parent lookup, the bot's answer).
  // On the worker's own pool: the shared limits pool has two connections, which made every
  // reply in flight queue for them.
  const verdict = await (deps.consumeAdd ?? consumeReplyAdd)(
    facts.authorXId,
    settings.addsPerMinute,
    deps.pool,
  );
  if (verdict !== "allowed")
    return { outcome: "RATE_LIMITED", product: null, request, answer: verdict === "first-refusal" };

  let product = facts.postProduct;
  if (!product) {
    const shopHosts = [...new Set(facts.markets.flatMap((market) => market.shopHosts))];
    const productId = await resolveProductId(
      deps.db,
      { inReplyToId: facts.inReplyToId, urls: request.urls },
      shopHosts,
      deps.lookUpParent,
    );
    product = productId ? await readProductFacts(pgSql(deps.pool), productId) : null;
  }
  const decided = (outcome: ReplyOutcome): Decision => ({
    outcome,
    product,
    request,
    answer: true,
  });
  if (!product || !product.active) return { ...decided("NO_PRODUCT"), product: null };
  if (!request.marketCodes.includes(product.marketCode)) return decided("WRONG_MARKETPLACE");
  if (product.digital) return decided("UNSUPPORTED");
  if (product.variants.length && !matchVariant(product.variants, request.size))
    return decided("UNKNOWN_SIZE");
  if (product.stock <= 0) return decided("OUT_OF_STOCK");
  // ADDED or NOT_LINKED: decided under the row lock, against the links as they are then.
  return decided("ADDED");
}
