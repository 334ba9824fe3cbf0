import { BRAND_PROVIDER_ID, X_PROVIDER_ID } from "@/lib/x/x-providers";
import { lockXUsers } from "@/lib/x/lock-x-user";
import { compareXIds } from "@/lib/x/compare-x-ids";
import { newId } from "@/lib/database/new-id";
import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import type { TweetEvent } from "@/lib/generated/prisma/client";
import { purgeDeleted } from "@/lib/inbox/inbox-status";
import { enqueue } from "@/lib/jobs/enqueue";
import { PROCESS_REPLY } from "@/lib/jobs/queues";
import type { Delivery, InboxPost, Revoke } from "@/lib/x/webhook-payloads";

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

const byKey = (a: string, b: string) => (a < b ? -1 : 1);

/** Per X user, the latest time X gave for a revoke; null (undated) outranks any date. */
function latestRevokes(revokes: Revoke[]): Map<string, Date | null> {
  const latest = new Map<string, Date | null>();
  for (const { xUserId, at } of revokes) {
    const seen = latest.get(xUserId);
    if (!latest.has(xUserId) || (seen && (!at || at > seen))) latest.set(xUserId, at);
  }
  return latest;
}

const KEEP_TOMBSTONES = statement(
  `INSERT INTO "TweetTombstone" ("tweetId") SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
);

// A revoke X dates before the link's grant (a replay, a late retry) is about an earlier grant:
// the shopper linked again since, and stays linked. X dates to the second, so a revoke within
// the grant's second counts.
const GRANTED = `unnest($2::text[], $3::timestamptz[]) AS r (x, at)
  WHERE a."provider" = $1 AND a."providerAccountId" = r.x
    AND (r.at IS NULL OR date_trunc('second', a."grantedAt") <= r.at)`;
const DELETE_REVOKED_LINKS = statement(`DELETE FROM "Account" a USING ${GRANTED}`);
const MARK_BRAND_REVOKED = statement(`UPDATE "Account" a SET "tokenError" = $4 FROM ${GRANTED}`);

const COUNT_UNUSED_EVENT = statement(
  `INSERT INTO "WebhookEventCount" ("eventType", "count", "lastSeenAt")
   VALUES ($1, 1, now())
   ON CONFLICT ("eventType") DO UPDATE
     SET "count" = "WebhookEventCount"."count" + 1, "lastSeenAt" = now()`,
);

// New Posts and their version ids in one round trip; what was new, which rows took a later
// version (an edit at X), and whether a delete of any of these versions came first. An edit
// updates only a row whose version is older (X's ids grow with time) and not deleted, so a
// redelivery or a late older version changes nothing and waits on no lock.
const INSERT_INBOX_ROWS = statement<{
  inserted: TweetEvent["tweetId"][] | null;
  edited: TweetEvent["tweetId"][] | null;
  tombstoned: boolean;
}>(
  `WITH inserted AS (
     INSERT INTO "TweetEvent" ("id", "tweetId", "latestTweetId", "source", "authorXId",
       "authorUsername", "inReplyToId", "conversationId", "postedAt", "text", "raw", "receivedAt")
     SELECT i, t, l, s::"TweetSource", a, u, r, c, p, x, j::jsonb, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[])
       AS rows (i, t, l, s, a, u, r, c, p, x, j)
     ON CONFLICT ("tweetId") DO NOTHING
     RETURNING "tweetId"
   ), edited AS (
     UPDATE "TweetEvent" e SET "latestTweetId" = v.l, "text" = v.x, "raw" = v.j::jsonb,
       "editedAt" = now()
     FROM unnest($2::text[], $3::text[], $10::text[], $11::text[]) AS v (t, l, x, j)
     WHERE v.l <> v.t AND e."tweetId" = v.t AND e."deletedAt" IS NULL
       AND (length(v.l), v.l) > (length(e."latestTweetId"), e."latestTweetId")
     RETURNING e."tweetId"
   ), versions AS (
     INSERT INTO "TweetVersion" ("versionId", "tweetId")
     SELECT * FROM unnest($12::text[], $13::text[]) ON CONFLICT DO NOTHING
   )
   SELECT (SELECT array_agg("tweetId") FROM inserted) AS "inserted",
     (SELECT array_agg("tweetId") FROM edited) AS "edited",
     EXISTS (SELECT 1 FROM "TweetTombstone" WHERE "tweetId" = ANY($12::text[])) AS "tombstoned"`,
);

/**
 * Stores deliveries, in one transaction (see group-commit.ts): new Posts into the inbox (one row
 * per original id, whatever the envelope or how often it came), deletes purged, revokes
 * unlinked, unused event types counted. Plain SQL: it runs once per acknowledged delivery. Rows
 * are written in key order, so two transactions writing the same replies wait for each other
 * instead of deadlocking.
 */
export async function storeDeliveries(sql: Sql, deliveries: Delivery[]) {
  const all = deliveries.flatMap((delivery) => delivery.posts);
  // One post per reply: its latest version, or of equals the first delivered.
  const latest = new Map<string, InboxPost>();
  for (const post of all) {
    const seen = latest.get(post.tweetId);
    if (!seen || compareXIds(post.latestTweetId, seen.latestTweetId) > 0)
      latest.set(post.tweetId, post);
  }
  const posts = [...latest.values()].sort((a, b) => byKey(a.tweetId, b.tweetId));
  const versions = new Map(
    all.flatMap((post) => post.versionIds.map((versionId) => [versionId, post.tweetId] as const)),
  );
  const deletedIds = [...new Set(deliveries.flatMap((delivery) => delivery.deletedIds))].sort();
  const revokes = latestRevokes(deliveries.flatMap((delivery) => delivery.revokes));
  const revokedXUserIds = [...revokes.keys()].sort();
  const unused = deliveries.flatMap((delivery) => delivery.unused);
  // Revoking X users are locked first, in the order the reply processor locks (X user, then
  // inbox row), so an unlink and an add of the same user never interleave.
  await lockXUsers(sql, revokedXUserIds);
  const jobs: string[] = [];
  let tombstoned = false;
  if (posts.length) {
    // Rows new to the inbox get a job, and so do rows that took an edit (the processor applies
    // it); a redelivery or the same reply through another envelope is already there.
    const pairs = [...versions].sort(([a], [b]) => byKey(a, b));
    const stored = await insertInboxRows(sql, posts, pairs);
    jobs.push(...stored.inserted, ...stored.edited);
    tombstoned = stored.tombstoned;
  }
  if (deletedIds.length) await sql.execute(KEEP_TOMBSTONES, [deletedIds]);
  // A delete may arrive before or after its Post, naming any version: purge whatever the
  // tombstones now cover. Most groups hold neither a delete nor a deleted Post and skip this.
  const touched = [...versions.keys(), ...deletedIds];
  if (deletedIds.length || tombstoned) {
    const purged = await purgeDeleted(sql, touched);
    // A processed reply's add is withdrawn by a job; one still waiting sees the delete itself.
    for (const row of purged)
      if (row.status !== "RECEIVED" && !jobs.includes(row.tweetId)) jobs.push(row.tweetId);
  }
  if (revokedXUserIds.length) {
    const revokedAt = revokedXUserIds.map((xUserId) => revokes.get(xUserId)?.toISOString() ?? null);
    await sql.execute(DELETE_REVOKED_LINKS, [X_PROVIDER_ID, revokedXUserIds, revokedAt]);
    // The brand's row stays, so /admin/x can say what happened and offer to reconnect.
    await sql.execute(MARK_BRAND_REVOKED, [
      BRAND_PROVIDER_ID,
      revokedXUserIds,
      revokedAt,
      BRAND_REVOKED,
    ]);
  }
  for (const eventType of new Set(unused.map(unusedType)))
    await sql.execute(COUNT_UNUSED_EVENT, [eventType]);
  await enqueue(
    sql,
    jobs.map((tweetId) => ({ name: PROCESS_REPLY, data: { tweetId } })),
  );
}

/**
 * New Posts into the inbox and every version id into TweetVersion, in one statement (one round
 * trip per group): the ids that were new, and whether any of these versions is already
 * tombstoned (its delete came first).
 */
async function insertInboxRows(
  sql: Sql,
  posts: InboxPost[],
  versions: (readonly [versionId: string, tweetId: string])[],
): Promise<{ inserted: string[]; edited: string[]; tombstoned: boolean }> {
  const column = <T>(pick: (post: InboxPost) => T) => posts.map(pick);
  const [row] = await sql.query(INSERT_INBOX_ROWS, [
    column(() => newId()),
    column((post) => post.tweetId),
    column((post) => post.latestTweetId),
    column((post) => post.source),
    column((post) => post.authorXId),
    column((post) => post.authorUsername && (stripNul(post.authorUsername) as string)),
    column((post) => post.inReplyToId),
    column((post) => post.conversationId),
    column((post) => post.postedAt?.toISOString() ?? null),
    column((post) => stripNul(post.text) as string),
    column((post) => (post.raw == null ? null : JSON.stringify(stripNul(post.raw)))),
    versions.map(([versionId]) => versionId),
    versions.map(([, tweetId]) => tweetId),
  ]);
  return {
    inserted: row?.inserted ?? [],
    edited: row?.edited ?? [],
    tombstoned: row?.tombstoned ?? false,
  };
}
