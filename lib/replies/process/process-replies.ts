import type pg from "pg";
import type { PrismaClient, ReplyOutcome } from "@/lib/generated/prisma/client";
import { pgSql } from "@/lib/database/sql";
import { compareXIds } from "@/lib/x/compare-x-ids";
import { consumeReplyAdd, type AddVerdict } from "./consume-reply-add";
import { commitReplies, type Decision, type DecidedReply } from "./commit-replies";
import { readReply } from "@/lib/replies/parse/read-reply";
import { resolveSize } from "@/lib/replies/parse/resolve-size";
import { sizeNames, stockOf, totalStock } from "@/lib/catalog/variant-stock";
import { readProductFacts, readReplyFacts, type ReplyFacts } from "./reply-facts";
import type { ReplySettings } from "./reply-settings";
import { resolveProductId, type ParentLookup } from "./resolve-product-id";
import { withdrawReply } from "./withdraw-reply";
import { applyReplyEdit, editPending } from "./apply-reply-edit";

export type ProcessDeps = {
  /** For the rare paths: withdrawals, parent Posts read from X. */
  db: PrismaClient;
  /** For the path every reply takes, in plain SQL. */
  pool: pg.Pool;
  settings: ReplySettings;
  /** X's answer about a parent Post (the simulator or X itself by default). */
  lookUpParent?: ParentLookup;
  consumeAdd?: (
    xUserId: string,
    perMinute: number,
    pool: pg.Pool,
    points: number,
  ) => Promise<AddVerdict>;
};

export type ReplyResult = PromiseSettledResult<ReplyOutcome | null>;

/**
 * Processes inbox rows once each: reads the replies, finds their products, and in one
 * transaction puts them in carts (or keeps them pending for unlinked X users), records the
 * outcomes and queues the bot's answers. Safe to run any number of times for a row: only a row
 * still RECEIVED is processed, under its row lock. A row deleted after processing has its add
 * withdrawn; one edited after processing has the edit applied (applyReplyEdit). Returns each row's outcome (null when it is not in the inbox) or why it failed.
 */
export async function processReplies(
  tweetIds: string[],
  deps: ProcessDeps,
): Promise<Map<string, ReplyResult>> {
  const results = new Map<string, ReplyResult>();
  const ids = [...new Set(tweetIds)];
  const all = await readReplyFacts(pgSql(deps.pool), ids);
  // Replies to a post we do not know may wait on X for their product: the rest of the batch
  // commits without them.
  const [known, unknown] = partition(ids, (id) => !mayAskX(all.get(id)));
  await Promise.all(
    [known, unknown].map(async (group) => {
      const decided = await decideEach(group, all, deps, results);
      if (decided.length) await commitEach(decided, deps, results);
    }),
  );
  return results;
}

const ok = (value: ReplyOutcome | null): ReplyResult => ({ status: "fulfilled", value });
const failed = (reason: unknown): ReplyResult => ({ status: "rejected", reason });

const mayAskX = (facts: ReplyFacts | undefined) =>
  facts?.status === "RECEIVED" && !facts.deletedAt && !facts.postProduct;

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** The replies still to commit, decided; the others' results are set. */
async function decideEach(
  ids: string[],
  all: Map<string, ReplyFacts>,
  deps: ProcessDeps,
  results: Map<string, ReplyResult>,
): Promise<DecidedReply[]> {
  const decisions = await Promise.all(
    ids.map(async (tweetId): Promise<DecidedReply | null> => {
      const facts = all.get(tweetId);
      try {
        if (!facts) results.set(tweetId, ok(null));
        else if (facts.status !== "RECEIVED") {
          if (facts.deletedAt) await withdrawReply(deps.db, tweetId);
          else if (editPending(facts)) await applyReplyEdit(deps, tweetId);
          results.set(tweetId, ok(facts.outcome));
        } else {
          const decision: Decision = facts.deletedAt
            ? { outcome: "WITHDRAWN", product: null, request: null, variant: null, answer: false }
            : await decide(facts, deps);
          return { tweetId, authorXId: facts.authorXId, editedAt: facts.editedAt, decision };
        }
      } catch (error) {
        results.set(tweetId, failed(error));
      }
      return null;
    }),
  );
  // Oldest Post first (X's ids grow with time): when a line fills up at 10, the earlier replies
  // are the ones that got in, whatever order the jobs came in.
  return decisions
    .filter((reply) => reply !== null)
    .sort((a, b) => compareXIds(a.tweetId, b.tweetId));
}

/**
 * One transaction for them all; if it fails, each again in a transaction of its own, one after
 * another, so a reply that cannot be committed fails (and is retried) alone.
 */
async function commitEach(
  decided: DecidedReply[],
  deps: ProcessDeps,
  results: Map<string, ReplyResult>,
) {
  const commit = async (batch: DecidedReply[]) => {
    const outcomes = await commitReplies(deps.pool, batch, deps.settings);
    // Left out: another worker finished it first.
    for (const { tweetId } of batch) results.set(tweetId, ok(outcomes.get(tweetId) ?? null));
  };
  try {
    await commit(decided);
  } catch (error) {
    if (decided.length === 1) return void results.set(decided[0]!.tweetId, failed(error));
    for (const reply of decided)
      await commit([reply]).catch((single: unknown) => results.set(reply.tweetId, failed(single)));
  }
}

async function decide(facts: ReplyFacts, deps: ProcessDeps): Promise<Decision> {
  const { settings } = deps;
  const request = readReply(facts, facts.markets, facts.brandXId);
  if (!request)
    return { outcome: "IGNORED", product: null, request: null, variant: null, answer: false };

  // Counted before anything billed (the parent lookup, the bot's answer); a reply that would
  // make us read its parent at X counts for more, so one X user cannot run up many reads.
  // On the worker's own pool: the shared limits pool has two connections, which made every
  // reply in flight queue for them.
  const readsParent = !!facts.inReplyToId && !facts.postProduct && !facts.parentRead;
  const verdict = await (deps.consumeAdd ?? consumeReplyAdd)(
    facts.authorXId,
    settings.addsPerMinute,
    deps.pool,
    readsParent ? settings.parentLookupWeight : 1,
  );
  if (verdict !== "allowed")
    return {
      outcome: "RATE_LIMITED",
      product: null,
      request,
      variant: null,
      answer: verdict === "first-refusal",
    };

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
  // The merchant closed the post: whatever the product's state, the reply adds nothing.
  if (facts.postClosed && product)
    return { outcome: "POST_CLOSED", product, request, variant: null, answer: true };
  if (!product || !product.active)
    return { outcome: "NO_PRODUCT", product: null, request, variant: null, answer: true };
  // Two sizes, one the product lacks, none, or a question about sizes: the bot asks which,
  // listing those in stock, rather than guess.
  const size = resolveSize(request.size, sizeNames(product.variants));
  const decided = (outcome: ReplyOutcome): Decision => ({
    outcome,
    product,
    request,
    variant: "size" in size ? size.size : null,
    answer: true,
  });
  if (!request.marketCodes.includes(product.marketCode)) return decided("WRONG_MARKETPLACE");
  if (product.digital) return decided("UNSUPPORTED");
  // Sold out in every size: nothing to ask about.
  if (totalStock(product.variants) <= 0) return decided("OUT_OF_STOCK");
  if ("ask" in size) return decided("UNKNOWN_SIZE");
  // The size asked for is sold out: the answer names it and offers those in stock.
  if (stockOf(product.variants, size.size ?? "") <= 0) return decided("OUT_OF_STOCK");
  // ADDED or NOT_LINKED: decided under the row lock, against the links as they are then.
  return decided("ADDED");
}
