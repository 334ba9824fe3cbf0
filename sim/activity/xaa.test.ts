import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signBody } from "../crypto";
import { DEFAULT_APP } from "../state/seed";
import { startReceiver } from "../test-support/receiver";
import { BRAND_ID, startTestSim, type TestSim } from "../test-support/test-sim";

const SECRET = DEFAULT_APP.consumerSecret;
let t: TestSim;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let webhookId: string;
let bearer: string;
let brandToken: string;

beforeAll(async () => {
  t = await startTestSim({ deliveryTimeoutMs: 300, retryDelaysMs: [50, 50, 50] });
});
beforeEach(async () => {
  await t.call("POST", "/_sim/reset");
  receiver = await startReceiver(SECRET);
  bearer = await t.appToken();
  brandToken = await t.userToken("replycart", [
    "tweet.read",
    "tweet.write",
    "users.read",
    "offline.access",
  ]);
  webhookId = (await t.call("POST", "/2/webhooks", { token: bearer, json: { url: receiver.url } }))
    .body.data.id;
});
afterEach(() => receiver.close());
afterAll(() => t.close());

const subscribe = (
  event_type: string,
  token = brandToken,
  filter: object = { user_id: BRAND_ID },
) =>
  t.call("POST", "/2/activity/subscriptions", {
    token,
    json: { event_type, filter, webhook_id: webhookId, tag: "replycart" },
  });

describe("POST /2/activity/subscriptions", () => {
  it("creates a post.reply.create subscription with the brand's user token", async () => {
    const res = await subscribe("post.reply.create");
    expect(res.status).toBe(200);
    expect(res.body.data.subscription).toMatchObject({
      event_type: "post.reply.create",
      filter: { user_id: BRAND_ID },
      webhook_id: webhookId,
      tag: "replycart",
      subscription_id: expect.stringMatching(/^[0-9]+$/),
    });
    const list = await t.call("GET", "/2/activity/subscriptions", { token: bearer });
    expect(list.body.data).toHaveLength(1);
  });

  it("needs the filtered user's own token for private events (403 otherwise)", async () => {
    expect((await subscribe("post.reply.create", bearer)).status).toBe(403);
    expect((await subscribe("post.reply.create", await t.userToken("alice"))).status).toBe(403);
    const noRead = await t.userToken("replycart", ["users.read"]);
    expect((await subscribe("post.reply.create", noRead)).status).toBe(403);
    // post.delete is public: the app-only token may subscribe.
    expect((await subscribe("post.delete", bearer)).status).toBe(200);
  });

  it("refuses unknown event types, unknown webhooks and duplicates", async () => {
    expect((await subscribe("post.teleport")).status).toBe(400);
    const badHook = await t.call("POST", "/2/activity/subscriptions", {
      token: brandToken,
      json: { event_type: "post.reply.create", filter: { user_id: BRAND_ID }, webhook_id: "42" },
    });
    expect(badHook.status).toBe(400);
    expect((await subscribe("post.reply.create")).status).toBe(200);
    expect((await subscribe("post.reply.create")).status).toBe(400);
  });

  it("deletes by id and by ids", async () => {
    const a = (await subscribe("post.reply.create")).body.data.subscription.subscription_id;
    const b = (await subscribe("post.delete")).body.data.subscription.subscription_id;
    expect(
      (await t.call("DELETE", `/2/activity/subscriptions/${a}`, { token: bearer })).body,
    ).toEqual({ data: { deleted: true } });
    const many = await t.call("DELETE", `/2/activity/subscriptions?ids=${b},${a}`, {
      token: bearer,
    });
    expect(many.body.data).toEqual([{ subscription_id: b, deleted: true }]);
    expect(many.body.errors[0].subscription_id).toBe(a);
    expect(many.body.meta.total_subscriptions).toBe(0);
  });
});

describe("XAA deliveries", () => {
  it("delivers a direct reply as a signed post.reply.create envelope with empty includes", async () => {
    await subscribe("post.reply.create");
    const product = (await t.post("replycart", "Mug https://shop.example/p/mug")).id;
    const reply = (await t.post("alice", "#addtocart", product)).id;
    const [delivery] = await receiver.waitForPosts(1);
    expect(delivery!.headers["x-twitter-webhooks-signature"]).toBe(
      signBody(SECRET, delivery!.body),
    );
    expect(delivery!.headers["x-twitter-webhooks-signature-oauth2"]).toBe(
      signBody(DEFAULT_APP.clientSecret!, delivery!.body),
    );
    const envelope = JSON.parse(delivery!.body);
    expect(envelope.data).toMatchObject({
      event_uuid: expect.stringMatching(/^-?[0-9]+$/),
      filter: { user_id: BRAND_ID },
      event_type: "post.reply.create",
      tag: "replycart",
      includes: {},
    });
    expect(envelope.data.payload).toMatchObject({
      id: reply,
      in_reply_to_tweet_id: product,
      in_reply_to_user_id: BRAND_ID,
      referenced_tweets: [{ type: "replied_to", id: product }],
      edit_history_tweet_ids: [reply],
      entities: { hashtags: [{ tag: "addtocart" }] },
    });
  });

  it("does not fire for replies to replies, nor for the brand's own replies", async () => {
    await subscribe("post.reply.create");
    const product = (await t.post("replycart", "Hat")).id;
    const alice = (await t.post("alice", "#addtocart", product)).id;
    await t.post("bob", "me too #addtocart", alice);
    await t.post("replycart", "thanks!", product);
    await t.settle();
    expect(receiver.posts()).toHaveLength(1);
  });

  it("delivers post.mention.create for an explicit @mention in the body", async () => {
    await subscribe("post.mention.create");
    await t.post("carol", "hey @replycart do you ship to the UK?");
    const [delivery] = await receiver.waitForPosts(1);
    expect(JSON.parse(delivery!.body).data.event_type).toBe("post.mention.create");
  });

  it("delivers post.delete with {id, author_id} and users wrapped in {data}", async () => {
    await subscribe("post.delete", bearer);
    const id = (await t.post("replycart", "oops")).id;
    await t.call("DELETE", `/_sim/posts/${id}`);
    const [delivery] = await receiver.waitForPosts(1);
    const data = JSON.parse(delivery!.body).data;
    expect(data.payload).toEqual({ id, author_id: BRAND_ID });
    expect(data.includes.users[0].data.id).toBe(BRAND_ID);
  });

  it("delivers oauth.revoke when a user revokes the app", async () => {
    await t.call("POST", "/2/activity/subscriptions", {
      token: bearer,
      json: { event_type: "oauth.revoke", filter: {}, webhook_id: webhookId },
    });
    const alice = await t.userToken("alice");
    await t.call("POST", "/_sim/users/alice/revoke");
    const [delivery] = await receiver.waitForPosts(1);
    const data = JSON.parse(delivery!.body).data;
    expect(data.filter).toEqual({});
    expect(data.payload).toMatchObject({
      user_id: "1800000000000000002",
      date_time: expect.any(String),
      app_id: expect.any(String),
    });
    expect((await t.call("GET", "/2/users/me", { token: alice })).status).toBe(401);
  });

  it("delivers an edit as a new post whose edit_history_tweet_ids starts with the original", async () => {
    await subscribe("post.reply.create");
    const product = (await t.post("replycart", "Scarf")).id;
    const original = (await t.post("alice", "#addtocart", product)).id;
    const edited = await t.call("POST", `/_sim/posts/${original}/edit`, {
      json: { text: "#addtocart x2" },
    });
    const deliveries = await receiver.waitForPosts(2);
    const payload = JSON.parse(deliveries[1]!.body).data.payload;
    expect(payload.id).toBe(edited.body.data.id);
    expect(payload.edit_history_tweet_ids).toEqual([original, edited.body.data.id]);
    expect(payload.text).toContain("x2");
  });

  it("retries a delivery answered with 500, then stops at 200", async () => {
    receiver.state.answers = [500, 500];
    await subscribe("post.reply.create");
    const product = (await t.post("replycart", "Socks")).id;
    await t.post("alice", "#addtocart", product);
    const posts = await receiver.waitForPosts(3);
    expect(new Set(posts.map((p) => p.body)).size).toBe(1);
    await t.settle();
    const log = (await t.call("GET", "/_sim/deliveries?kind=xaa")).body.deliveries;
    expect(log[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
    expect(log[0].outcome).toBe("delivered");
  });

  it("retries when the webhook does not answer in time, and gives up after the last retry", async () => {
    receiver.state.answers = [503, 503, 503, 503];
    await subscribe("post.reply.create");
    await t.post("alice", "#addtocart", (await t.post("replycart", "Cap")).id);
    await t.settle();
    const log = (await t.call("GET", "/_sim/deliveries?kind=xaa")).body.deliveries;
    expect(log[0].attempts).toHaveLength(4);
    expect(log[0].outcome).toBe("failed");
  });

  it("counts no answer within the timeout as a failure", async () => {
    receiver.state.hangMs = 600;
    await subscribe("post.reply.create");
    await t.post("alice", "#addtocart", (await t.post("replycart", "Bag")).id);
    await receiver.waitForPosts(2);
    const log = (await t.call("GET", "/_sim/deliveries?kind=xaa")).body.deliveries;
    expect(log[0].attempts[0]).toMatchObject({
      status: null,
      error: expect.stringMatching(/no answer within 300 ms/),
    });
  });

  it("never delivers posts from protected accounts", async () => {
    await subscribe("post.reply.create");
    const product = (await t.post("replycart", "Pen")).id;
    await t.call("POST", "/_sim/users", { json: { username: "priv" } });
    await t.call("POST", "/_sim/users/priv/protect", { json: {} });
    await t.post("priv", "#addtocart", product);
    await t.settle();
    expect(receiver.posts()).toHaveLength(0);
  });

  it("replays the last deliveries with POST /2/webhooks/replay", async () => {
    await subscribe("post.reply.create");
    await t.post("alice", "#addtocart", (await t.post("replycart", "Cup")).id);
    await receiver.waitForPosts(1);
    const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 12);
    const now = new Date();
    const res = await t.call("POST", "/2/webhooks/replay", {
      token: bearer,
      json: {
        webhook_id: webhookId,
        from_date: stamp(new Date(now.getTime() - 3_600_000)),
        to_date: stamp(now),
      },
    });
    expect(res.body.data).toEqual({ job_id: expect.any(String), created_at: expect.any(String) });
    const posts = await receiver.waitForPosts(2);
    expect(posts[1]!.body).toBe(posts[0]!.body);
    const tooOld = await t.call("POST", "/2/webhooks/replay", {
      token: bearer,
      json: { webhook_id: webhookId, from_date: "202001010000", to_date: stamp(now) },
    });
    expect(tooOld.status).toBe(400);
  });
});
