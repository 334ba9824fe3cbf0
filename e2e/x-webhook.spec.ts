import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SIMULATED_X_CONSUMER } from "../lib/env";
import { queryE2eDatabase } from "./support/database";

// The webhook through the real Next.js server (its proxy, its body handling), as X calls it.

const SECRET = SIMULATED_X_CONSUMER.consumerSecret;
const sign = (body: string) =>
  `sha256=${createHmac("sha256", SECRET).update(body).digest("base64")}`;

test("answers X's CRC challenge", async ({ request }) => {
  const response = await request.get("/api/x/webhook?crc_token=e2e-challenge");
  expect(response.status()).toBe(200);
  const expected = createHmac("sha256", SECRET).update("e2e-challenge").digest("base64");
  expect(await response.json()).toEqual({ response_token: `sha256=${expected}` });
});

test("stores a signed reply once and refuses an unsigned one", async ({ request }) => {
  const id = `19${Date.now()}`.slice(0, 19);
  const body = JSON.stringify({
    data: {
      event_type: "post.reply.create",
      payload: { id, text: "#addtocart", author_id: "2244994945", edit_history_tweet_ids: [id] },
      includes: {},
    },
  });
  const unsigned = await request.post("/api/x/webhook", {
    data: body,
    headers: { "content-type": "application/json" },
  });
  expect(unsigned.status()).toBe(401);
  for (let i = 0; i < 3; i += 1) {
    const response = await request.post("/api/x/webhook", {
      data: body,
      headers: { "content-type": "application/json", "x-twitter-webhooks-signature": sign(body) },
    });
    expect(response.status()).toBe(200);
  }
  const rows = await queryE2eDatabase<{ count: string }>(
    `SELECT count(*) FROM "TweetEvent" WHERE "tweetId" = $1`,
    [id],
  );
  expect(Number(rows[0]?.count)).toBe(1);
});

test("refuses a body over 1 MiB with 413", async ({ request }) => {
  const big = "x".repeat(1024 * 1024 + 1);
  const response = await request.post("/api/x/webhook", {
    data: big,
    headers: { "x-twitter-webhooks-signature": sign(big) },
  });
  expect(response.status()).toBe(413);
});
