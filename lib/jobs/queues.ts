import type PgBoss from "pg-boss";

// The durable jobs. Job state (attempts, leases of a dead worker, backoff, start times) lives
// in pg-boss's tables; what happened to a reply lives in ours (TweetEvent, OutboundReply).

/** Processes one inbox row (data: { tweetId }): the cart add, or the withdrawal after a delete. */
export const PROCESS_REPLY = "reply-process";
/** Posts one bot reply (data: { tweetId } of the source reply). */
export const POST_BOT_REPLY = "bot-reply-post";

/** Every few minutes: inbox rows left RECEIVED without a job get one again. */
export const SWEEP_INBOX = "inbox-sweep";

/** Every quarter hour: pending adds past their time are marked expired. */
export const EXPIRE_PENDING_ADDS = "pending-adds-expire";

/** Daily: stored X texts past their time are purged, rows nothing reads any more deleted. */
export const PURGE_EXPIRED = "retention-purge";

/** Sends one order's confirmation email (data: { orderId }), queued with the order itself. */
export const SEND_ORDER_EMAIL = "order-email";

export type ReplyJob = { tweetId: string };
/** The confirmation when only orderId is set; a status change's email when eventId is too. */
export type OrderEmailJob = { orderId: string; eventId?: string };

export type QueueSettings = { leaseSeconds: number };

/**
 * How each queue retries. A job whose worker died is failed by pg-boss's maintenance once its
 * lease (expireInSeconds) runs out, then retried like any other failure.
 */
export function queueOptions({ leaseSeconds }: QueueSettings): Record<string, PgBoss.Queue> {
  return {
    [PROCESS_REPLY]: {
      name: PROCESS_REPLY,
      // Backoff doubling from 1 s: the last of 12 retries comes about an hour later, past X's
      // 15-minute rate-limit windows and short outages. The inbox sweep covers the rest.
      retryLimit: 12,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: leaseSeconds,
    },
    // The outbox schedules its own waits (pacing, X's rate-limit reset); these retries cover
    // crashes and database errors.
    [POST_BOT_REPLY]: {
      name: POST_BOT_REPLY,
      retryLimit: 20,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: leaseSeconds,
    },
    // SMTP outages: the last of 10 retries comes about 8 hours after the order.
    [SEND_ORDER_EMAIL]: {
      name: SEND_ORDER_EMAIL,
      retryLimit: 10,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: leaseSeconds,
    },
    [SWEEP_INBOX]: { name: SWEEP_INBOX, retryLimit: 2, expireInSeconds: leaseSeconds },
    [EXPIRE_PENDING_ADDS]: {
      name: EXPIRE_PENDING_ADDS,
      retryLimit: 2,
      expireInSeconds: leaseSeconds,
    },
    // Its batches commit one by one, so a pass cut short loses nothing; on an old database the
    // first pass may run far past a reply's lease, and a second runner would only skip its rows.
    [PURGE_EXPIRED]: {
      name: PURGE_EXPIRED,
      retryLimit: 2,
      expireInSeconds: Math.max(leaseSeconds, 30 * 60),
    },
  };
}

/** Creates the queues, or brings their retry settings up to date; safe to run concurrently. */
export async function ensureQueues(boss: PgBoss, settings: QueueSettings): Promise<void> {
  for (const options of Object.values(queueOptions(settings))) {
    const existing = await boss.getQueue(options.name);
    if (!existing) {
      try {
        await boss.createQueue(options.name, options);
        continue;
      } catch (error) {
        // Another process created it first.
        if (!(await boss.getQueue(options.name))) throw error;
      }
    }
    await boss.updateQueue(options.name, options);
  }
}
