import { createHmac } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/x/webhook/route";
import { SIMULATED_X_CONSUMER } from "@/lib/env";
import { configureAppEnvironment } from "./support/app-environment";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// While the inbox's commits are stuck, deliveries wait in memory; past WEBHOOK_MAX_WAITING_BYTES
// the webhook answers 503 at once (X delivers again later) instead of holding every body.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
  process.env.WEBHOOK_MAX_WAITING_BYTES = String(1024 * 1024);
});
afterAll(() => database.drop());

const sign = (body: string) =>
  `sha256=${createHmac("sha256", SIMULATED_X_CONSUMER.consumerSecret).update(body).digest("base64")}`;

/** A signed X Activity API reply of about 300 KB. */
function bigReply(index: number): string {
  const id = String(1_960_000_000_000_000_000n + BigInt(index));
  return JSON.stringify({
    data: {
      event_type: "post.reply.create",
      filter: { user_id: "999" },
      payload: {
        id,
        text: "#addtocart",
        author_id: "2244994945",
        edit_history_tweet_ids: [id],
        padding: "x".repeat(300_000),
      },
    },
  });
}

const deliver = (body: string) =>
  POST(
    new Request("http://localhost:3000/api/x/webhook", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-twitter-webhooks-signature": sign(body) },
    }),
  );

describe("the webhook's bound on waiting deliveries", () => {
  it("answers 503 with Retry-After past the bound while commits are stuck; the rest commit once they can", async () => {
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE "TweetEvent" IN ACCESS EXCLUSIVE MODE`);
    const bodies = Array.from({ length: 5 }, (_, index) => bigReply(index));
    const settled: Response[] = [];
    let twoSettled: () => void;
    const firstTwo = new Promise<void>((resolve) => (twoSettled = resolve));
    const pending = bodies.map(async (body) => {
      const answer = await deliver(body);
      if (settled.push(answer) === 2) twoSettled();
      return answer;
    });
    // Three bodies of 300 KB fit in 1 MiB; the other two are refused without waiting on the lock
    // (without the bound, none would answer until the lock goes, and this would time out).
    await firstTwo;
    expect(settled).toHaveLength(2);
    for (const answer of settled) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(await answer.json()).toMatchObject({ error: { code: "inbox_busy" } });
    }
    await blocker.query("ROLLBACK");
    await blocker.end();
    const statuses = (await Promise.all(pending)).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    // X's redelivery of the refused two now goes through: nothing is lost.
    for (const [index, status] of statuses.entries())
      if (status === 503) expect((await deliver(bodies[index]!)).status).toBe(200);
    expect(await database.db.tweetEvent.count()).toBe(5);
  });
});
