import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepInbox } from "@/lib/ingest/sweep-inbox";
import { PROCESS_REPLY } from "@/lib/jobs/queues";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// A reply whose job dies every time (a crash, an OOM, a batch past its lease) stays RECEIVED;
// the sweep gives it a job a few times, then marks it failed instead of looping for ever.

let database: TestDatabase;
const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
});
afterAll(async () => {
  await database?.drop();
});

/** An inbox row received 10 minutes ago and never processed. */
async function strandedReply(tweetId: string) {
  await db().$executeRaw`
    INSERT INTO "TweetEvent" ("id", "tweetId", "latestTweetId", "source", "authorXId", "text",
      "receivedAt")
    VALUES (${`ev${tweetId}`}, ${tweetId}, ${tweetId}, 'XAA', '1970000000000000001',
      '#addtocart', now() - interval '10 minutes')`;
}

/** What pg-boss records when a job's worker died on every retry: the job ends as failed. */
async function jobsDie(tweetId: string) {
  await db().$executeRaw`
    UPDATE pgboss.job SET state = 'failed', completed_on = now()
    WHERE name = ${PROCESS_REPLY} AND data->>'tweetId' = ${tweetId} AND state < 'completed'`;
}

const jobsOf = async (tweetId: string) =>
  (
    await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job
      WHERE name = ${PROCESS_REPLY} AND data->>'tweetId' = ${tweetId}`
  )[0]!.n;

describe("the inbox sweep and a reply whose processing keeps dying", () => {
  it("queues it 3 times, then marks it failed with the reason, and queues it no more", async () => {
    const poison = "1970000000000000101";
    const normal = "1970000000000000102";
    await strandedReply(poison);
    for (let sweep = 1; sweep <= 3; sweep++) {
      expect(await sweepInbox(db())).toBe(1);
      expect(await jobsOf(poison)).toBe(BigInt(sweep));
      await jobsDie(poison);
    }
    // A row stranded once (its job lost) is queued as before, alongside.
    await strandedReply(normal);
    expect(await sweepInbox(db())).toBe(1);
    expect(await jobsOf(normal)).toBe(1n);

    const failed = await db().tweetEvent.findUnique({ where: { tweetId: poison } });
    expect(failed).toMatchObject({
      status: "FAILED",
      error: "Processing died 3 times (crash or lease expiry); not retried again.",
    });
    expect(await jobsOf(poison)).toBe(3n);
    expect(await sweepInbox(db())).toBe(0);
    expect(await jobsOf(poison)).toBe(3n);
    expect(await db().tweetEvent.findUnique({ where: { tweetId: normal } })).toMatchObject({
      status: "RECEIVED",
      error: null,
    });
  });
});
