import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { signBody } from "../crypto";
import { DEFAULT_APP } from "../state/seed";
import { startReceiver } from "../test-support/receiver";
import { BRAND_ID, startTestSim, type TestSim } from "../test-support/test-sim";

const AAA_SCOPES = ["tweet.read", "users.read", "dm.read", "dm.write", "offline.access"];
let t: TestSim;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let webhookId: string;
let bearer: string;

beforeAll(async () => {
  t = await startTestSim();
});
beforeEach(async () => {
  await t.call("POST", "/_sim/reset");
  receiver = await startReceiver(DEFAULT_APP.consumerSecret);
  bearer = await t.appToken();
  webhookId = (await t.call("POST", "/2/webhooks", { token: bearer, json: { url: receiver.url } }))
    .body.data.id;
  const brand = await t.userToken("replycart", AAA_SCOPES);
  const sub = await t.call("POST", `/2/account_activity/webhooks/${webhookId}/subscriptions/all`, {
    token: brand,
    json: {},
  });
  expect(sub.body).toEqual({ data: { subscribed: true } });
});
afterEach(() => receiver.close());
afterAll(() => t.close());

describe("Account Activity API", () => {
  it("lists, counts and removes subscriptions", async () => {
    const list = await t.call(
      "GET",
      `/2/account_activity/webhooks/${webhookId}/subscriptions/all/list`,
      { token: bearer },
    );
    expect(list.body.data).toMatchObject({
      webhook_id: webhookId,
      subscriptions: [{ user_id: BRAND_ID }],
    });
    const count = await t.call("GET", "/2/account_activity/subscriptions/count", { token: bearer });
    expect(count.body.data.subscriptions_count_all).toBe("1");
    const del = await t.call(
      "DELETE",
      `/2/account_activity/webhooks/${webhookId}/subscriptions/${BRAND_ID}/all`,
      { token: bearer },
    );
    expect(del.body).toEqual({ data: { subscribed: false } });
  });

  it("needs the scopes X's OpenAPI file lists (dm.read, dm.write, tweet.read, users.read)", async () => {
    const narrow = await t.userToken("alice", ["tweet.read", "users.read"]);
    const res = await t.call(
      "POST",
      `/2/account_activity/webhooks/${webhookId}/subscriptions/all`,
      { token: narrow, json: {} },
    );
    expect(res.status).toBe(403);
  });

  it("delivers tweet_create_events in v1.1 shape, ids as raw int64 numbers", async () => {
    const product = (await t.post("replycart", "Notebook")).id;
    const reply = (await t.post("alice", "#addtocart", product)).id;
    const posts = await receiver.waitForPosts(2);
    const raw = posts[1]!.body;
    expect(posts[1]!.headers["x-twitter-webhooks-signature"]).toBe(
      signBody(DEFAULT_APP.consumerSecret, raw),
    );
    expect(raw).toContain(`"id":${reply},"id_str":"${reply}"`);
    const body = JSON.parse(raw);
    expect(body.for_user_id).toBe(BRAND_ID);
    const tweet = body.tweet_create_events[0];
    expect(tweet).toMatchObject({
      id_str: reply,
      in_reply_to_status_id_str: product,
      in_reply_to_user_id_str: BRAND_ID,
      user: { id_str: "1800000000000000002", screen_name: "alice" },
      truncated: false,
      entities: { hashtags: [{ text: "addtocart" }] },
    });
  });

  it("puts long texts in extended_tweet, where the hashtag may be the only copy", async () => {
    const product = (await t.post("replycart", "Desk")).id;
    const long = `${"I have wanted this desk for a very long time and finally it is here. ".repeat(2)}Adding it now #addtocart`;
    await t.post("bob", long, product);
    const posts = await receiver.waitForPosts(2);
    const tweet = JSON.parse(posts[1]!.body).tweet_create_events[0];
    expect(tweet.truncated).toBe(true);
    expect(tweet.entities.hashtags).toEqual([]);
    expect(tweet.extended_tweet.full_text).toContain("#addtocart");
    expect(tweet.extended_tweet.entities.hashtags[0].text).toBe("addtocart");
  });

  it("delivers tweet_delete_events, favorite_events and the user_event revoke", async () => {
    const id = (await t.post("replycart", "Lamp")).id;
    await t.call("POST", `/_sim/posts/${id}/like`, { json: { username: "carol" } });
    await t.call("DELETE", `/_sim/posts/${id}`);
    await t.call("POST", "/_sim/users/replycart/revoke");
    const posts = await receiver.waitForPosts(4);
    const bodies = posts.map((p) => JSON.parse(p.body));
    expect(bodies[1].favorite_events[0].user.screen_name).toBe("carol");
    expect(bodies[2].tweet_delete_events[0].status).toEqual({ id, user_id: BRAND_ID });
    expect(bodies[3].user_event.revoke.source.user_id).toBe(BRAND_ID);
  });
});
