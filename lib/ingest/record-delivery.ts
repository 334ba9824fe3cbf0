import { db } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID, X_PROVIDER_ID } from "@/lib/auth/x-providers";
import { lockXUser } from "@/lib/accounts/lock-x-user";
import { enqueue } from "@/lib/jobs/enqueue";
import { PROCESS_REPLY } from "@/lib/jobs/queues";
import type { Delivery, InboxPost } from "@/lib/x/webhook-payloads";

// The webhook acknowledges a delivery only after this commits, so every reply it acknowledged
// is in the inbox, with the job that will process it (inserted in the same transaction). It is
// one transaction of a few statements and waits on nothing else.

export const BRAND_REVOKED =
  "The brand account revoked replycart's access at X; reconnect it to post replies again.";

const unusedType = (reason: string) => stripNul(reason.slice(0, 100)) as string;

// A lone UTF-16 surrogate: JSON can carry one (\ud800), UTF-8 and so Postgres cannot.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Postgres text and jsonb cannot hold U+0000 or a lone surrogate; a Post may hold either (X does
 * not filter them). NULs go, lone surrogates become U+FFFD.
 */
function stripNul(value: unknown): unknown {
  if (typeof value === "string")
    return value.replaceAll("\0", "").replace(LONE_SURROGATE, "\uFFFD");
  if (Array.isArray(value)) return value.map(stripNul);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [stripNul(key), stripNul(entry)]),
    );
  return value;
}

/**
 * Stores a delivery: new Posts into the inbox (one row per original id, whatever the envelope
 * or how often it came), deletes purged, revokes unlinked, unused event types counted.
 */
export async function recordDelivery(delivery: Delivery, client: PrismaClient = db) {
  await client.$transaction((tx) => storeDeliveries(tx, [delivery]));
}

/**
 * What `recordDelivery` does, for several deliveries in one transaction (see group-commit.ts).
 * Rows are written in key order, so two transactions writing the same replies wait for each
 * other instead of deadlocking.
 */
export async function storeDeliveries(tx: Prisma.TransactionClient, deliveries: Delivery[]) {
  const all = deliveries.flatMap((delivery) => delivery.posts);
  // The first delivery of a reply makes its inbox row, as ON CONFLICT DO NOTHING would.
  const firsts = new Map<string, InboxPost>();
  for (const post of all) if (!firsts.has(post.tweetId)) firsts.set(post.tweetId, post);
  const posts = [...firsts.values()].sort((a, b) => (a.tweetId < b.tweetId ? -1 : 1));
  const versions = new Map(
    all.flatMap((post) => post.versionIds.map((versionId) => [versionId, post.tweetId] as const)),
  );
  const deletedIds = [...new Set(deliveries.flatMap((delivery) => delivery.deletedIds))].sort();
  const revokedXUserIds = [
    ...new Set(deliveries.flatMap((delivery) => delivery.revokedXUserIds)),
  ].sort();
  const unused = deliveries.flatMap((delivery) => delivery.unused);
  // Revoking X users are locked first, in the order the reply processor locks (X user, then
  // inbox row), so an unlink and an add of the same user never interleave.
  for (const xUserId of revokedXUserIds) await lockXUser(tx, xUserId);
  const jobs: string[] = [];
  if (posts.length) {
    // Only rows new to the inbox get a job: a redelivery, an edit or the same reply through
    // another envelope is already there.
    const inserted = await tx.tweetEvent.createManyAndReturn({
      select: { tweetId: true },
      data: posts.map((post) => ({
        tweetId: post.tweetId,
        latestTweetId: post.latestTweetId,
        source: post.source,
        authorXId: post.authorXId,
        authorUsername: post.authorUsername && (stripNul(post.authorUsername) as string),
        inReplyToId: post.inReplyToId,
        conversationId: post.conversationId,
        postedAt: post.postedAt,
        text: stripNul(post.text) as string,
        raw: stripNul(post.raw) as object,
      })),
      skipDuplicates: true,
    });
    jobs.push(...inserted.map((row) => row.tweetId));
    await tx.tweetVersion.createMany({
      data: [...versions]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([versionId, tweetId]) => ({ versionId, tweetId })),
      skipDuplicates: true,
    });
  }
  if (deletedIds.length)
    await tx.tweetTombstone.createMany({
      data: deletedIds.map((tweetId) => ({ tweetId })),
      skipDuplicates: true,
    });
  // A delete may arrive before or after its Post, naming any version: purge whatever the
  // tombstones now cover.
  const touched = [...versions.keys(), ...deletedIds];
  if (touched.length) {
    const purged = await tx.$queryRaw<{ tweetId: string; status: string }[]>`
        UPDATE "TweetEvent" e SET "text" = NULL, "raw" = NULL, "deletedAt" = now()
        FROM "TweetVersion" v JOIN "TweetTombstone" t ON t."tweetId" = v."versionId"
        WHERE v."versionId" = ANY(${touched}) AND e."tweetId" = v."tweetId"
          AND e."deletedAt" IS NULL
        RETURNING e."tweetId", e."status"::text`;
    // A processed reply's add is withdrawn by a job; one still waiting sees the delete itself.
    for (const row of purged)
      if (row.status !== "RECEIVED" && !jobs.includes(row.tweetId)) jobs.push(row.tweetId);
  }
  if (revokedXUserIds.length) {
    await tx.account.deleteMany({
      where: { provider: X_PROVIDER_ID, providerAccountId: { in: revokedXUserIds } },
    });
    // The brand's row stays, so /admin/x can say what happened and offer to reconnect.
    await tx.account.updateMany({
      where: { provider: BRAND_PROVIDER_ID, providerAccountId: { in: revokedXUserIds } },
      data: { tokenError: BRAND_REVOKED },
    });
  }
  for (const eventType of new Set(unused.map(unusedType)))
    await tx.$executeRaw`
        INSERT INTO "WebhookEventCount" ("eventType", "count", "lastSeenAt")
        VALUES (${eventType}, 1, now())
        ON CONFLICT ("eventType") DO UPDATE
          SET "count" = "WebhookEventCount"."count" + 1, "lastSeenAt" = now()`;
  await enqueue(
    tx,
    jobs.map((tweetId) => ({ name: PROCESS_REPLY, data: { tweetId } })),
  );
}
