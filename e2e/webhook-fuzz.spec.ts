import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { SIMULATED_X_CONSUMER } from "../lib/env";

// 10,000 generated bodies through the real server, each signed correctly so that every one
// reaches the JSON parser and the payload readers: none may get a 5xx, and the server still
// stores a good reply afterwards.

// Signed and sent as the same bytes: a lone surrogate has no UTF-8 form, so a string would be
// encoded twice, maybe differently.
const sign = (body: Buffer) =>
  `sha256=${createHmac("sha256", SIMULATED_X_CONSUMER.consumerSecret).update(body).digest("base64")}`;

const reply = (id: string, text: unknown = "@replycart #addtocart") => ({
  data: {
    event_type: "post.reply.create",
    payload: { id, text, author_id: "2244994945", edit_history_tweet_ids: [id] },
    includes: {},
  },
});

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

const bodies = fc.oneof(
  // Not JSON, or JSON cut short.
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .tuple(fc.jsonValue(), fc.nat())
    .map(([value, cut]) => JSON.stringify(reply("1", value)).slice(0, cut % 120)),
  // JSON of any shape, bare or inside each envelope X sends.
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .jsonValue()
    .map((payload) => JSON.stringify({ data: { event_type: "post.reply.create", payload } })),
  fc.jsonValue().map((post) => JSON.stringify({ data: post, includes: { users: post } })),
  fc
    .jsonValue()
    .map((events) => JSON.stringify({ tweet_create_events: events, tweet_delete_events: events })),
  // Wrong types and edge values where a reply's fields go.
  fc
    .record({ id: fc.jsonValue(), text: fc.jsonValue(), author: fc.jsonValue() })
    .map(({ id, text, author }) =>
      JSON.stringify({
        data: { event_type: "post.reply.create", payload: { id, text, author_id: author } },
      }),
    ),
  // Unicode edge cases and huge strings in a real reply.
  fc
    .string({ unit: "binary", minLength: 1, maxLength: 50 })
    .map((text) =>
      JSON.stringify(reply(`19${Math.floor(Math.random() * 1e15)}`, `#addtocart ${text}`)),
    ),
  fc.constantFrom(
    JSON.stringify(reply("1900000000000000777", "x".repeat(300_000))),
    JSON.stringify(reply("1900000000000000778", "\uD800 \u0000 \u202E #addtocart \uFEFF")),
    `{"data":${nested(5_000)}}`,
    nested(20_000),
    `{"tweet_create_events":[${'{"id_str":"1"},'.repeat(2_000)}{}]}`,
  ),
);

test("10,000 generated bodies: never a 5xx, and the server still stores a reply", async ({
  request,
}) => {
  // 10,000 requests on a busy 2-core machine.
  test.setTimeout(180_000);
  const samples = fc.sample(bodies, { numRuns: 10_000, seed: 20261125 });
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < samples.length) {
        const body = Buffer.from(samples[next++]!);
        const response = await request.post("/api/x/webhook", {
          data: body,
          headers: {
            "content-type": "application/json",
            "x-twitter-webhooks-signature": sign(body),
          },
        });
        statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      }
    }),
  );
  console.log(`[fuzz] statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(10_000);

  const id = `19${Date.now()}`.slice(0, 19);
  const body = Buffer.from(JSON.stringify(reply(id)));
  const stored = await request.post("/api/x/webhook", {
    data: body,
    headers: { "content-type": "application/json", "x-twitter-webhooks-signature": sign(body) },
  });
  expect(stored.status()).toBe(200);
});
