import { ApiResponseError } from "twitter-api-v2";
import type { OutboundReply, PrismaClient } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { withXAccount, XTokenError } from "@/lib/x/account-tokens";
import { X_REQUEST_TIMEOUT_MS } from "@/lib/x/client";
import type { BotReplyPacer } from "./pacing";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

export type OutboxResult =
  { done: "sent" | "refused" | "expired" | "none" } | { waitUntil: Date; why: string };

export type OutboxDeps = {
  db: PrismaClient;
  pacer: BotReplyPacer;
  /** Posts `text` as the brand in reply to `inReplyTo`; X's id of the new post. */
  post?: (brandAccountId: string, text: string, inReplyTo: string) => Promise<string>;
  now?: () => Date;
};

// An attempt that started this long ago without an answer is over. It makes at most four X
// requests (a token refresh, the post, and both again after a 401), each given up after
// X_REQUEST_TIMEOUT_MS, plus its waits for a connection and the account's row. Only a crashed
// worker leaves one open; its answer is retried as soon as this runs out.
export const ATTEMPT_LEASE_MS = 6 * X_REQUEST_TIMEOUT_MS;
const NO_BRAND_RETRY_MS = 60_000;

const CLAIM_ATTEMPT = statement<Pick<OutboundReply, "attempts">>(
  `UPDATE "OutboundReply" SET "attempts" = "attempts" + 1, "attemptStartedAt" = $1,
     "updatedAt" = now()
   WHERE "id" = $2 AND "status" = 'PENDING'
     AND ("attemptStartedAt" IS NULL OR "attemptStartedAt" < $3)
   RETURNING "attempts"`,
);

const postAsBrand = (brandAccountId: string, text: string, inReplyTo: string) =>
  withXAccount(brandAccountId, async (client) => (await client.v2.reply(text, inReplyTo)).data.id);

/** The attempt is over (an answer or an error came back); only a crash leaves it open. */
const endAttempt = (db: PrismaClient, id: string, lastError: string) =>
  db.outboundReply.update({
    where: { id },
    data: { attemptStartedAt: null, lastError: lastError.slice(0, 500) },
  });

const detailOf = (failure: ApiResponseError) => {
  const data = failure.data as { detail?: string; title?: string } | undefined;
  return data?.detail ?? data?.title ?? failure.message;
};

/**
 * One attempt at the bot's answer to a source reply. It is posted at most once: the attempt is
 * recorded (committed) before X is called, and the text is the same on every attempt, so a
 * retry after a lost 201 meets X's duplicate-content refusal and is recorded as posted.
 */
export async function postBotReply(tweetId: string, deps: OutboxDeps): Promise<OutboxResult> {
  const { db, pacer } = deps;
  const now = deps.now?.() ?? new Date();
  const reply = await db.outboundReply.findUnique({ where: { inReplyToTweetId: tweetId } });
  if (!reply || reply.status !== "PENDING") return { done: "none" };
  if (reply.expiresAt <= now) {
    await db.outboundReply.updateMany({
      where: { id: reply.id, status: "PENDING" },
      data: { status: "EXPIRED" },
    });
    return { done: "expired" };
  }
  const brand = await db.account.findFirst({
    where: { provider: BRAND_PROVIDER_ID, tokenError: null },
    select: { id: true, providerAccountId: true },
  });
  if (!brand)
    return { waitUntil: new Date(now.getTime() + NO_BRAND_RETRY_MS), why: "no brand account" };

  const turn = await pacer.take(brand.providerAccountId, reply.kind);
  if (turn.waitMs > 0)
    return { waitUntil: new Date(now.getTime() + turn.waitMs), why: "pacing under X's limit" };

  // The claim says how many attempts started, this one included: reading it before the claim
  // could miss an attempt that another run made in between.
  const leaseStart = new Date(now.getTime() - ATTEMPT_LEASE_MS);
  const [claimed] = await prismaSql(db).query(CLAIM_ATTEMPT, [now, reply.id, leaseStart]);
  if (!claimed) {
    // Try again when the open attempt's lease runs out, not a whole lease from now.
    const started = reply.attemptStartedAt?.getTime() ?? now.getTime();
    const leaseEnd = Math.max(started + ATTEMPT_LEASE_MS + 1, now.getTime() + 1000);
    return { waitUntil: new Date(leaseEnd), why: "attempt in progress" };
  }
  // A started attempt may have posted even if we never heard (a crash, a timeout).
  const retried = claimed.attempts > 1;

  try {
    const postedTweetId = await (deps.post ?? postAsBrand)(brand.id, reply.text, tweetId);
    // Guarded by status: an overlapping attempt (a job retried past its lease) may have
    // recorded the outcome already, and the first record stands.
    await db.outboundReply.updateMany({
      where: { id: reply.id, status: "PENDING" },
      data: { status: "SENT", postedTweetId, postedAt: new Date(), lastError: null },
    });
    return { done: "sent" };
  } catch (failure) {
    // pg-boss retries with backoff. A token X could not refresh (an outage of its OAuth) does
    // not stop the brand: the next attempt refreshes again.
    if (failure instanceof XTokenError) {
      await endAttempt(db, reply.id, failure.message);
      throw failure;
    }
    if (!(failure instanceof ApiResponseError)) {
      await endAttempt(db, reply.id, `X could not be reached: ${String(failure)}`);
      throw failure;
    }
    const detail = detailOf(failure);
    if (failure.code === 403) {
      const duplicate = /duplicate/i.test(detail);
      await db.outboundReply.updateMany({
        where: { id: reply.id, status: "PENDING" },
        data:
          duplicate && retried
            ? {
                status: "SENT",
                postedAt: new Date(),
                lastError: "X had it already: an earlier attempt posted it.",
              }
            : { status: "REFUSED", lastError: detail.slice(0, 500) },
      });
      return { done: duplicate && retried ? "sent" : "refused" };
    }
    if (failure.code === 429) {
      const reset = failure.rateLimit?.reset;
      const until = reset ? new Date(reset * 1000) : new Date(now.getTime() + 60_000);
      await pacer.pauseUntil(brand.providerAccountId, until);
      await endAttempt(db, reply.id, `X answered 429; waiting until ${until.toISOString()}`);
      return { waitUntil: until, why: "X's rate limit" };
    }
    await endAttempt(db, reply.id, `X answered ${failure.code}: ${detail}`);
    throw failure; // 5xx and the like: pg-boss retries with backoff
  }
}
