import PgBoss from "pg-boss";
import { createPrismaClient } from "@/lib/database/db";
import { BOUNDED_WAITS, createPool } from "@/lib/database/pg-adapter";
import type { Env } from "@/lib/env";
import { postgresPacer } from "@/lib/outbox/pacing";
import { postBotReply } from "@/lib/outbox/post-bot-reply";
import { processReplies } from "@/lib/replies/process/process-replies";
import { replySettings } from "@/lib/replies/process/reply-settings";
import { sweepInbox } from "@/lib/ingest/sweep-inbox";
import { markFailed } from "@/lib/inbox/inbox-status";
import { expirePendingAdds } from "@/lib/replies/pending/expire-pending-adds";
import { sendOrderEventEmail } from "@/lib/orders/send-order-event-email";
import { sendOrderEmail } from "@/lib/orders/send-order-email";
import { purgeExpired } from "@/lib/retention/purge-expired";
import { retentionSettings } from "@/lib/retention/retention-settings";
import {
  ensureQueues,
  EXPIRE_PENDING_ADDS,
  POST_BOT_REPLY,
  PURGE_EXPIRED,
  SEND_ORDER_EMAIL,
  SWEEP_INBOX,
  PROCESS_REPLY,
  type OrderEmailJob,
  type ReplyJob,
} from "@/lib/jobs/queues";

export type Workers = { stop(): Promise<void> };

// Three pollers of batches of 50: each batch's cart writes are one transaction, so most of a
// reply's round trips are shared with the rest of its batch. One worker drained a backlog of
// 20,000 at 1,370 replies/s in batches of 20 and 1,800 in batches of 50 (600 one reply per
// transaction); batches of 100 bought nothing more.
const REPLY_BATCH = 50;
const ADMIN_SHUTDOWN = "57P01";
const REPLY_POLLERS = 3;
const RETENTION_CRON = "40 3 * * *";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The reply processor, the outbox and the order emails, polling pg-boss's queues in this process.
 * Run as many of these as you like (npm start runs one in-process; npm run worker runs one more
 * each): jobs are fetched with SKIP LOCKED, and a job whose worker died is retried once its lease
 * runs out.
 */
export async function startWorkers(
  env: Env,
  databaseUrl: string,
  log: (line: string) => void,
): Promise<Workers> {
  const leaseSeconds = env.JOB_LEASE_SECONDS;
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: REPLY_POLLERS + 3,
    // pg-boss runs each cron once across every worker process.
    schedule: true,
    // Maintenance fails the jobs of dead workers once their lease is over; run it often enough
    // that a lease is not followed by a long wait.
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, leaseSeconds)),
  });
  boss.on("error", (error) => {
    // Postgres shutting down with us (Ctrl-C reaches the embedded database too) is not news.
    if ((error as { code?: string }).code === ADMIN_SHUTDOWN) return;
    log(`job queue error: ${message(error)}`);
  });
  await boss.start();
  await ensureQueues(boss, { leaseSeconds });

  // One pool for Prisma and the reply path's plain SQL (a batch's reads, its rate-limit counts
  // and its transaction): two worker processes and a web server stay well inside Postgres's
  // default 100 connections.
  const pool = createPool(databaseUrl, 10, BOUNDED_WAITS);
  const db = createPrismaClient(databaseUrl, pool);
  const settings = replySettings(env);
  const pacer = postgresPacer(env.BOT_REPLIES_PER_15_MINUTES, {
    nonAddedPercent: env.BOT_NON_ADDED_SHARE_PERCENT,
  });
  const pollingIntervalSeconds = env.WORKER_POLL_MS / 1000;

  for (let poller = 0; poller < REPLY_POLLERS; poller++) {
    const workerId: string = await boss.work<ReplyJob>(
      PROCESS_REPLY,
      // Oldest first, without priorities (none are set): an order served by an index of ours
      // (see lib/jobs/install-job-queues.ts) instead of a sort of the whole backlog on every fetch.
      { batchSize: REPLY_BATCH, pollingIntervalSeconds, includeMetadata: true, priority: false },
      // The batch is processed together, its cart writes in one transaction: pg-boss gives the
      // whole batch one lease, and a reply that fails is failed (and retried) alone.
      async (jobs) => {
        await runBatch(jobs);
        // A full batch means more are waiting: fetch again now instead of after the interval.
        if (jobs.length === REPLY_BATCH) boss.notifyWorker(workerId);
      },
    );
  }

  async function runBatch(jobs: PgBoss.JobWithMetadata<ReplyJob>[]) {
    const tweetIds = jobs.map((job) => job.data.tweetId);
    const results = await processReplies(tweetIds, { db, pool, settings }).catch(
      (error: unknown) =>
        new Map(tweetIds.map((id) => [id, { status: "rejected", reason: error } as const])),
    );
    await Promise.all(
      jobs.map(async (job) => {
        const result = results.get(job.data.tweetId);
        if (result?.status === "rejected") await failJob(job, result.reason);
      }),
    );
  }

  async function failJob(job: PgBoss.JobWithMetadata<ReplyJob>, error: unknown) {
    const last = job.retryCount >= job.retryLimit;
    log(`reply ${job.data.tweetId} failed${last ? " for good" : ""}: ${message(error)}`);
    if (last)
      // The database is down: the inbox sweep tries again later.
      await markFailed(db, job.data.tweetId, message(error)).catch(() => undefined);
    // Only this job is retried; the rest of the batch completes.
    await boss.fail(PROCESS_REPLY, job.id, { message: message(error) }).catch(() => undefined);
  }

  await boss.work<ReplyJob>(
    POST_BOT_REPLY,
    { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      const result = await postBotReply(job.data.tweetId, { db, pacer });
      if ("waitUntil" in result)
        await boss.send(POST_BOT_REPLY, job.data, {
          startAfter: result.waitUntil,
          priority: job.priority,
        });
    },
  );

  await boss.work<OrderEmailJob>(
    SEND_ORDER_EMAIL,
    { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      try {
        if (job.data.eventId) await sendOrderEventEmail(job.data.eventId, { db, env, log });
        else await sendOrderEmail(job.data.orderId, { db, env, log });
      } catch (error) {
        const last = job.retryCount >= job.retryLimit;
        // SMTP servers quote the recipient in their refusals: no shopper's address in the log,
        // nor in pg-boss's record of the failure.
        const reason = message(error).replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, "<address>");
        log(`order email ${job.data.orderId} failed${last ? " for good" : ""}: ${reason}`);
        // Thrown on: pg-boss retries it with backoff (an SMTP failure released its claim).
        throw new Error(reason);
      }
    },
  );

  await boss.schedule(SWEEP_INBOX, "*/5 * * * *");
  await boss.work(SWEEP_INBOX, async () => {
    const swept = await sweepInbox(db);
    if (swept) log(`${swept} inbox rows without a job were queued again.`);
  });
  // Once at start too: rows a previous release acknowledged before it had queues.
  await boss.send(SWEEP_INBOX, {});

  await boss.schedule(EXPIRE_PENDING_ADDS, "*/15 * * * *");
  await boss.work(EXPIRE_PENDING_ADDS, async () => {
    const expired = await expirePendingAdds(db);
    if (expired) log(`${expired} pending adds expired (their X users did not link in time).`);
  });

  // Daily, at a quiet hour (UTC).
  await boss.schedule(PURGE_EXPIRED, RETENTION_CRON);
  await boss.work(PURGE_EXPIRED, async () => {
    const counts = await purgeExpired(db, retentionSettings(env));
    const done = Object.entries(counts).filter(([, count]) => count > 0);
    if (done.length)
      log(`Retention: ${done.map(([kind, count]) => `${count} ${kind}`).join(", ")}.`);
  });

  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await db.$disconnect();
    },
  };
}
