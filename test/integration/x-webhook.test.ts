import { createHmac } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/x/webhook/route";
import { X_PROVIDER_ID } from "@/lib/x/x-providers";
import { SIMULATED_X_CONSUMER } from "@/lib/env";
import { configureAppEnvironment } from "./support/app-environment";
import { signedInUser } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Deliveries signed as X signs them, sent through the real route handler, on real Postgres.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  configureAppEnvironment({ databaseUrl: database.url, simUrl: "http://127.0.0.1:9" });
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe(
    `TRUNCATE "TweetEvent", "TweetVersion", "TweetTombstone", "WebhookEventCount", "OutboundReply", pgboss.job`,
  );
});

const URL_ = "http://localhost:3000/api/x/webhook";
const sign = (body: string, secret = SIMULATED_X_CONSUMER.consumerSecret) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("base64")}`;

function deliver(
  body: string,
  headers: Record<string, string> = { "x-twitter-webhooks-signature": sign(body) },
) {
  return POST(
    new Request(URL_, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    }),
  );
}

const rows = () => database.db.tweetEvent.findMany({ orderBy: { receivedAt: "asc" } });

const PARENT = "1900000000000000001";
const REPLY = "1900000000000000002";
const v2Reply = (id = REPLY, history = [id], text = "@replycart #addtocart 2") => ({
  id,
  text,
  author_id: "2244994945",
  conversation_id: PARENT,
  created_at: "2026-11-25T10:00:00.000Z",
  referenced_tweets: [{ type: "replied_to", id: PARENT }],
  edit_history_tweet_ids: history,
  entities: { hashtags: [{ start: 11, end: 21, tag: "addtocart" }] },
});
const xaa = (eventType: string, payload: unknown, includes: unknown = {}) =>
  JSON.stringify({
    data: {
      event_uuid: "-2781149976877970683",
      filter: { user_id: "999" },
      event_type: eventType,
      tag: "t",
      payload,
      includes,
    },
  });
const stream = (post: unknown) =>
  JSON.stringify({
    data: post,
    includes: { users: [{ id: "2244994945", username: "alice" }] },
    matching_rules: [{ id: "1" }],
  });
// The numeric ids do not fit in a double; only id_str may be read.
const aaa = (id = REPLY) =>
  `{"for_user_id":"999","tweet_create_events":[{"created_at":"Wed Nov 25 10:00:00 +0000 2026","id":${id},"id_str":"${id}","text":"@replycart… https://t.co/x","truncated":true,"extended_tweet":{"full_text":"@replycart I would like this one please #addtocart 2"},"in_reply_to_status_id":${PARENT},"in_reply_to_status_id_str":"${PARENT}","user":{"id":2244994945,"id_str":"2244994945","screen_name":"alice"}}]}`;

describe("GET: CRC", () => {
  it("answers the challenge with the consumer secret's HMAC", async () => {
    const response = GET(new Request(`${URL_}?crc_token=challenge-abc`));
    expect(response.status).toBe(200);
    const expected = createHmac("sha256", SIMULATED_X_CONSUMER.consumerSecret)
      .update("challenge-abc")
      .digest("base64");
    expect(await response.json()).toEqual({ response_token: `sha256=${expected}` });
  });

  it("answers X's own token forms: base64url, base64 and a UUID", async () => {
    for (const token of [
      "kq3Rj1cDAbMb2Xx0b7fE9G4Wn0wUO6x-3h8_tZpR1QY",
      "a+b/c==",
      "9b4507b3-9040-4669-9ca3-6b94edb50553",
    ]) {
      const response = GET(new Request(`${URL_}?crc_token=${encodeURIComponent(token)}`));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ response_token: sign(token) });
    }
  });

  it("signs no caller-chosen body: a delivery forged with a CRC answer gets 401 and changes nothing", async () => {
    const victim = await signedInUser(database.db);
    const xUserId = "2244994945";
    await database.db.account.create({
      data: {
        userId: victim.user.id,
        type: "oauth",
        provider: X_PROVIDER_ID,
        providerAccountId: xUserId,
      },
    });
    for (const body of [
      xaa("post.reply.create", v2Reply()),
      xaa("oauth.revoke", { user_id: xUserId }),
      stream(v2Reply()),
    ]) {
      const crc = GET(new Request(`${URL_}?crc_token=${encodeURIComponent(body)}`));
      expect(crc.status).toBe(400);
      const { response_token: forged = "" } = (await crc.json()) as { response_token?: string };
      const response = await deliver(body, { "x-twitter-webhooks-signature": forged });
      expect(response.status).toBe(401);
    }
    expect(await rows()).toHaveLength(0);
    expect(await database.db.account.count({ where: { providerAccountId: xUserId } })).toBe(1);
  });

  it("refuses signed JSON that is not an object, so a CRC answer for a token like 123 signs nothing", async () => {
    for (const body of ["123", "-1", "true", "null", "[]"]) {
      const response = await deliver(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "not_an_object" } });
    }
    expect(await database.db.webhookEventCount.count()).toBe(0);
  });

  it("refuses a request without a token with a JSON error", async () => {
    const response = GET(new Request(URL_));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "missing_crc_token" } });
  });
});

describe("POST: the inbox", () => {
  it("stores one row for the same body delivered 20 times", async () => {
    const body = xaa("post.reply.create", v2Reply());
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await deliver(body)).status),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      tweetId: REPLY,
      source: "XAA",
      status: "RECEIVED",
      authorXId: "2244994945",
      inReplyToId: PARENT,
      conversationId: PARENT,
    });
  });

  it("stores one row for the same reply through XAA, the stream webhook and AAA, in any order", async () => {
    for (const body of [aaa(), stream(v2Reply()), xaa("post.reply.create", v2Reply())])
      expect((await deliver(body)).status).toBe(200);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.source).toBe("AAA");
  });

  it("keys an original and 5 edits on the original id", async () => {
    const history = [REPLY];
    expect((await deliver(xaa("post.reply.create", v2Reply()))).status).toBe(200);
    for (let edit = 1; edit <= 5; edit += 1) {
      const id = `19000000000000001${edit}0`;
      history.push(id);
      expect(
        (await deliver(stream(v2Reply(id, [...history], `edit ${edit} #addtocart`)))).status,
      ).toBe(200);
    }
    expect(await rows()).toHaveLength(1);
    expect(await database.db.tweetVersion.count({ where: { tweetId: REPLY } })).toBe(6);
  });

  it("reads X's real shapes: negative event_uuid, includes {}, wrapped users, v1.1 ids and truncated text", async () => {
    const wrapped = { users: [{ data: { id: "2244994945", username: "alice", name: "Alice" } }] };
    expect((await deliver(xaa("post.mention.create", v2Reply(), wrapped))).status).toBe(200);
    expect((await deliver(aaa("1900000000000000099"))).status).toBe(200);
    const [mention, legacy] = await rows();
    expect(mention).toMatchObject({ tweetId: REPLY, authorUsername: "alice" });
    expect(legacy).toMatchObject({
      tweetId: "1900000000000000099",
      authorUsername: "alice",
      postedAt: new Date("2026-11-25T10:00:00Z"),
    });
    expect(legacy?.text).toContain("#addtocart 2");
  });
});

describe("POST: refused deliveries change nothing", () => {
  const body = xaa("post.reply.create", v2Reply());

  it.each([
    ["a missing header", {}],
    ["a malformed header", { "x-twitter-webhooks-signature": "sha256=nope" }],
    ["another secret", { "x-twitter-webhooks-signature": sign(body, "wrong-secret") }],
    ["a header for another body", { "x-twitter-webhooks-signature": sign(`${body} `) }],
  ])("answers 401 to %s", async (_name, headers) => {
    const response = await deliver(body, headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "bad_signature" } });
    expect(await rows()).toHaveLength(0);
  });

  it("answers 401 to a tampered body", async () => {
    const tampered = body.replace("#addtocart 2", "#addtocart 9");
    expect((await deliver(tampered, { "x-twitter-webhooks-signature": sign(body) })).status).toBe(
      401,
    );
    expect(await rows()).toHaveLength(0);
  });

  it("answers 413 to 1 MiB + 1 byte, declared or streamed, before checking anything", async () => {
    const big = `{"pad":"${"x".repeat(1024 * 1024 - 10 + 1)}"}`;
    expect(Buffer.byteLength(big)).toBe(1024 * 1024 + 1);
    const declared = await deliver(big, { "x-twitter-webhooks-signature": sign(big) });
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 17; i += 1) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const streamed = await POST(
      new Request(URL_, { method: "POST", body: chunks, duplex: "half" } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: "body_too_large" } });
  });

  it("answers 400 with a JSON error to signed bytes that are not JSON", async () => {
    const response = await deliver('{"data": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "malformed_json" } });
  });

  it("acknowledges events it does not use, storing only a count", async () => {
    const unused = [
      JSON.stringify({ for_user_id: "999", favorite_events: [{ id: "1" }] }),
      JSON.stringify({ for_user_id: "999", follow_events: [{ type: "follow" }] }),
      JSON.stringify({ for_user_id: "999", direct_message_events: [{ type: "message_create" }] }),
      xaa("like.create", { id: "5" }),
      xaa("like.create", { id: "6" }),
    ];
    for (const delivery of unused) expect((await deliver(delivery)).status).toBe(200);
    expect(await rows()).toHaveLength(0);
    const counts = await database.db.webhookEventCount.findMany({ orderBy: { eventType: "asc" } });
    expect(counts.map(({ eventType, count }) => [eventType, count])).toEqual([
      ["direct_message_events", 1],
      ["favorite_events", 1],
      ["follow_events", 1],
      ["like.create", 2],
    ]);
  });
});

describe("POST: generated input", () => {
  it("stores a reply whose text or fields hold a NUL character, without it", async () => {
    const post = { ...v2Reply(), text: "#addtocart\u0000 2", "odd\u0000key": "\u0000" };
    expect((await deliver(xaa("post.reply.create", post))).status).toBe(200);
    const [row] = await rows();
    expect(row?.text).toBe("#addtocart 2");
    expect(row?.raw).toMatchObject({ oddkey: "" });
  });

  it("stores a reply whose text holds a lone surrogate, as U+FFFD", async () => {
    // JSON can carry "\ud800" alone; UTF-8, and so Postgres, cannot.
    const post = { ...v2Reply(), text: "#addtocart \ud800 2" };
    expect((await deliver(xaa("post.reply.create", post))).status).toBe(200);
    const [row] = await rows();
    expect(row?.text).toBe("#addtocart \ufffd 2");
  });

  it("never answers 5xx to signed bytes, JSON or not, whatever their shape", async () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue().map((payload) => xaa("post.reply.create", payload)),
      fc.jsonValue().map((post) => JSON.stringify({ data: post })),
      fc
        .jsonValue()
        .map((events) =>
          JSON.stringify({ tweet_create_events: events, tweet_delete_events: events }),
        ),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const { status } = await deliver(body);
        expect([200, 400]).toContain(status);
      }),
      { numRuns: 300 },
    );
  });
});

describe("POST: deletes and revokes", () => {
  it("purges a stored reply's text and raw JSON when it is deleted, by any version", async () => {
    const edited = "1900000000000000222";
    await deliver(xaa("post.reply.create", v2Reply(edited, [REPLY, edited])));
    expect(
      (await deliver(xaa("post.delete", { id: edited, author_id: "2244994945" }))).status,
    ).toBe(200);
    const [row] = await rows();
    expect(row).toMatchObject({ tweetId: REPLY, text: null, raw: null });
    expect(row?.deletedAt).toBeInstanceOf(Date);
  });

  it("purges a reply whose delete arrived first", async () => {
    const body = `{"for_user_id":"999","tweet_delete_events":[{"status":{"id":"${REPLY}","user_id":"2244994945"},"timestamp_ms":"1"}]}`;
    expect((await deliver(body)).status).toBe(200);
    expect((await deliver(xaa("post.reply.create", v2Reply()))).status).toBe(200);
    expect(await rows()).toEqual([
      expect.objectContaining({ tweetId: REPLY, text: null, raw: null }),
    ]);
  });

  it("unlinks an X user who revoked the app, by XAA or AAA", async () => {
    const link = async (xUserId: string) => {
      const { user } = await signedInUser(database.db);
      await database.db.account.create({
        data: {
          userId: user.id,
          type: "oauth",
          provider: "twitter",
          providerAccountId: xUserId,
          access_token: "sealed",
        },
      });
    };
    await link("4101");
    await link("4102");
    const xaaRevoke = JSON.stringify({
      data: {
        event_type: "oauth.revoke",
        filter: {},
        payload: { date_time: new Date().toISOString(), user_id: "4101", app_id: "1" },
      },
    });
    const aaaRevoke = JSON.stringify({
      user_event: {
        revoke: {
          date_time: new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00"),
          target: { app_id: "1" },
          source: { user_id: "4102" },
        },
      },
    });
    for (const body of [xaaRevoke, aaaRevoke]) expect((await deliver(body)).status).toBe(200);
    expect(
      await database.db.account.count({ where: { providerAccountId: { in: ["4101", "4102"] } } }),
    ).toBe(0);
  });

  it("ignores a revoke X dates before the link: a replayed revoke never unlinks a shopper who linked again", async () => {
    const { user } = await signedInUser(database.db);
    const linkedAt = new Date(Date.now() - 60_000);
    await database.db.account.create({
      data: {
        userId: user.id,
        type: "oauth",
        provider: X_PROVIDER_ID,
        providerAccountId: "4300",
        grantedAt: linkedAt,
      },
    });
    const revokeAt = (at: Date) =>
      JSON.stringify({
        data: {
          event_type: "oauth.revoke",
          filter: {},
          payload: { date_time: at.toISOString(), user_id: "4300", app_id: "1" },
        },
      });
    const linked = () => database.db.account.count({ where: { providerAccountId: "4300" } });
    expect((await deliver(revokeAt(new Date(linkedAt.getTime() - 3_600_000)))).status).toBe(200);
    expect(await linked()).toBe(1);
    expect((await deliver(revokeAt(new Date(linkedAt.getTime() + 1_000)))).status).toBe(200);
    expect(await linked()).toBe(0);
  });

  it("keeps a brand account that revoked the app, marked for the merchant to reconnect", async () => {
    const { user } = await signedInUser(database.db, "OWNER");
    await database.db.account.create({
      data: {
        userId: user.id,
        type: "oauth",
        provider: "x-brand",
        providerAccountId: "4200",
        access_token: "sealed",
      },
    });
    const revoke = JSON.stringify({
      data: {
        event_type: "oauth.revoke",
        filter: {},
        payload: { user_id: "4200", app_id: "1" },
      },
    });
    expect((await deliver(revoke)).status).toBe(200);
    const brand = await database.db.account.findFirstOrThrow({ where: { provider: "x-brand" } });
    expect(brand.tokenError).toMatch(/revoked replycart's access at X; reconnect/);
  });
});
