import { expect, it } from "vitest";
import { createGroupCommit } from "@/lib/ingest/group-commit";
import type { Delivery, InboxPost } from "@/lib/x/webhook-payloads";
import { pooledTestDatabase } from "./support/test-database";

// The webhook's inbox writes concurrent deliveries in shared transactions: each caller still
// hears back only once its own rows are committed, and nothing is stored or queued twice.

const { database, pool } = pooledTestDatabase();

let nextId = 1_960_000_000_000_000_000n;
const post = (tweetId: string, data: Partial<InboxPost> = {}): InboxPost => ({
  tweetId,
  versionIds: [tweetId],
  latestTweetId: tweetId,
  source: "XAA",
  authorXId: "2244994945",
  authorUsername: "alice",
  inReplyToId: "1900000000000000001",
  conversationId: "1900000000000000001",
  postedAt: new Date(),
  text: "@replycart #addtocart",
  raw: { id: tweetId },
  ...data,
});
const delivery = (...posts: InboxPost[]): Delivery => ({
  posts,
  deletedIds: [],
  revokes: [],
  unused: [],
});
const jobsFor = async (ids: string[]) =>
  Number(
    (
      await database().db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pgboss.job
        WHERE name = 'reply-process' AND data->>'tweetId' = ANY(${ids})`
    )[0]!.n,
  );

it("stores 25 replies delivered 4 times each, 100 at once, as 25 rows with 25 jobs", async () => {
  const inbox = createGroupCommit(() => pool());
  const ids = Array.from({ length: 25 }, () => String(nextId++));
  const edits = new Map(ids.map((id) => [id, String(nextId++)]));
  const deliveries = ids.flatMap((id) => [
    delivery(post(id)),
    delivery(post(id, { source: "STREAM_WEBHOOK" })),
    delivery(post(id, { source: "AAA" })),
    // An edit: a new version id for the same reply.
    delivery(post(id, { versionIds: [id, edits.get(id)!], latestTweetId: edits.get(id)! })),
  ]);

  await Promise.all(deliveries.map((each) => inbox.record(each)));

  expect(await database().db.tweetEvent.count({ where: { tweetId: { in: ids } } })).toBe(25);
  expect(await jobsFor(ids)).toBe(25);
  // Every version of every reply leads to it, whichever delivery named it.
  expect(
    await database().db.tweetVersion.count({ where: { versionId: { in: [...edits.values()] } } }),
  ).toBe(25);
});

it("fails only the delivery that cannot be stored, not the others of its group", async () => {
  const inbox = createGroupCommit(() => pool());
  const good = Array.from({ length: 29 }, () => String(nextId++));
  const bad = String(nextId++);

  const results = await Promise.allSettled([
    ...good.map((id) => inbox.record(delivery(post(id)))),
    inbox.record(delivery(post(bad, { source: "NOT_A_SOURCE" as InboxPost["source"] }))),
  ]);

  expect(results.slice(0, 29).every((result) => result.status === "fulfilled")).toBe(true);
  expect(results[29]!.status).toBe("rejected");
  expect(await database().db.tweetEvent.count({ where: { tweetId: { in: good } } })).toBe(29);
  expect(await database().db.tweetEvent.count({ where: { tweetId: bad } })).toBe(0);
  expect(await jobsFor([...good, bad])).toBe(29);
});
