import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE_ID, BRAND_ID, startTestSim, type TestSim } from "../test-support/test-sim";

let t: TestSim;
let brand: string;
let alice: string;
beforeAll(async () => {
  t = await startTestSim();
});
beforeEach(async () => {
  await t.call("POST", "/_sim/reset");
  brand = await t.userToken("replycart");
  alice = await t.userToken("alice");
});
afterAll(() => t.close());

const create = (token: string, json: unknown) => t.call("POST", "/2/tweets", { token, json });

describe("POST /2/tweets", () => {
  it("answers 201 with id, text and edit_history_tweet_ids", async () => {
    const res = await create(brand, { text: "Hello from the shop" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(/^[0-9]{19}$/),
        text: "Hello from the shop",
        edit_history_tweet_ids: [res.body.data.id],
      },
    });
  });

  it("hands out increasing ids, larger than any seeded id", async () => {
    const a = (await create(brand, { text: "one" })).body.data.id;
    const b = (await create(brand, { text: "two" })).body.data.id;
    expect(BigInt(b)).toBeGreaterThan(BigInt(a));
    expect(BigInt(a)).toBeGreaterThan(BigInt("1800000000000000005"));
  });

  it("posts replies with reply.in_reply_to_tweet_id and links them", async () => {
    const parent = (await create(brand, { text: "Mug, 12 USD https://shop.example/p/mug" })).body
      .data.id;
    const reply = await create(alice, {
      text: "#addtocart",
      reply: { in_reply_to_tweet_id: parent },
    });
    expect(reply.status).toBe(201);
    const lookup = await t.call(
      "GET",
      `/2/tweets/${reply.body.data.id}?tweet.fields=author_id,in_reply_to_user_id,referenced_tweets,conversation_id,entities&expansions=author_id,referenced_tweets.id`,
      { token: brand },
    );
    expect(lookup.body.data).toMatchObject({
      author_id: ALICE_ID,
      in_reply_to_user_id: BRAND_ID,
      conversation_id: parent,
      referenced_tweets: [{ type: "replied_to", id: parent }],
      entities: { hashtags: [{ tag: "addtocart" }] },
    });
    expect(lookup.body.data.text).toBe("@replycart #addtocart");
    expect(lookup.body.includes.users).toEqual([
      { id: ALICE_ID, name: "Alice Martin", username: "alice" },
    ]);
    expect(lookup.body.includes.tweets[0].entities.urls[0]).toMatchObject({
      expanded_url: "https://shop.example/p/mug",
      url: expect.stringMatching(/^https:\/\/t\.co\//),
    });
  });

  it("applies the self-serve reply rule when switched on: 403 unless mentioned or quoted", async () => {
    await t.call("POST", "/_sim/faults", { json: { selfServeReplyRule: true } });
    const plain = (await t.post("alice", "just a thought")).id;
    const refused = await create(brand, {
      text: "Thanks!",
      reply: { in_reply_to_tweet_id: plain },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/not been mentioned or otherwise engaged/);
    const product = (await create(brand, { text: "New mug" })).body.data.id;
    // A reply carries the replied-to handle, so the shopper's reply mentions the brand.
    const shopper = (await t.post("alice", "#addtocart", product)).id;
    expect(
      (await create(brand, { text: "Added!", reply: { in_reply_to_tweet_id: shopper } })).status,
    ).toBe(201);
  });

  it("refuses duplicate content from the same account, as X does", async () => {
    expect((await create(brand, { text: "same words" })).status).toBe(201);
    const again = await create(brand, { text: "same words" });
    expect(again.status).toBe(403);
    expect(again.body.detail).toBe("You are not allowed to create a Tweet with duplicate content.");
  });

  it("refuses bad bodies with an invalid-request problem", async () => {
    const res = await create(brand, { text: "x", reply: { in_reply_to_tweet_id: "abc" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.type).toBe("https://api.x.com/2/problems/invalid-request");
    expect((await create(brand, { text: "x", colour: "red" })).status).toBe(400);
    expect((await create(brand, { text: "" })).status).toBe(400);
    expect((await create(brand, { text: "a".repeat(281) })).status).toBe(403);
  });

  it("replying to a deleted post is a 403", async () => {
    const gone = (await create(brand, { text: "soon gone" })).body.data.id;
    await t.call("DELETE", `/2/tweets/${gone}`, { token: brand });
    const res = await create(alice, { text: "hi", reply: { in_reply_to_tweet_id: gone } });
    expect(res.status).toBe(403);
  });

  it("enforces scopes (403) and user context (403 for app-only bearer)", async () => {
    const readOnly = await t.userToken("alice", ["tweet.read", "users.read"]);
    const noScope = await create(readOnly, { text: "hi" });
    expect(noScope.status).toBe(403);
    const app = await t.appToken();
    const appOnly = await create(app, { text: "hi" });
    expect(appOnly.status).toBe(403);
    expect(appOnly.body.title).toBe("Unsupported Authentication");
  });

  it("edits with edit_options: a new id whose history starts with the original", async () => {
    const first = (await create(brand, { text: "Mug 12 USD" })).body.data.id;
    const edit = await create(brand, {
      text: "Mug 10 USD",
      edit_options: { previous_post_id: first },
    });
    expect(edit.status).toBe(201);
    expect(edit.body.data.edit_history_tweet_ids).toEqual([first, edit.body.data.id]);
    const old = await t.call("GET", `/2/tweets/${first}`, { token: brand });
    expect(old.body.data.text).toBe("Mug 12 USD");
    expect(
      (await create(alice, { text: "x", edit_options: { previous_post_id: edit.body.data.id } }))
        .status,
    ).toBe(403);
  });
});

describe("GET /2/tweets/:id and /2/tweets?ids=", () => {
  it("answers 200 with errors for a missing post, as X does", async () => {
    const res = await t.call("GET", "/2/tweets/1234567890", { token: brand });
    expect(res.status).toBe(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({
      resource_type: "tweet",
      resource_id: "1234567890",
      title: "Not Found Error",
    });
  });

  it("returns found posts in data and missing ones in errors", async () => {
    const id = (await t.post("bob", "hello")).id;
    const res = await t.call("GET", `/2/tweets?ids=${id},42&tweet.fields=created_at`, {
      token: await t.appToken(),
    });
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].created_at).toMatch(/Z$/);
    expect(res.body.errors).toHaveLength(1);
  });

  it("rejects unknown tweet.fields with a 400", async () => {
    const id = (await t.post("bob", "hello")).id;
    const res = await t.call("GET", `/2/tweets/${id}?tweet.fields=colour`, { token: brand });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].parameters).toEqual({ "tweet.fields": ["colour"] });
  });
});

describe("DELETE /2/tweets/:id", () => {
  it("deletes the author's post and refuses other people's", async () => {
    const id = (await create(brand, { text: "temporary" })).body.data.id;
    expect((await t.call("DELETE", `/2/tweets/${id}`, { token: alice })).status).toBe(403);
    const res = await t.call("DELETE", `/2/tweets/${id}`, { token: brand });
    expect(res.body).toEqual({ data: { deleted: true } });
    expect((await t.call("GET", `/2/tweets/${id}`, { token: brand })).body.errors).toHaveLength(1);
  });
});

describe("users", () => {
  it("answers /2/users/me, /2/users/:id and /2/users/by/username/:username", async () => {
    const me = await t.call("GET", "/2/users/me?user.fields=created_at,profile_image_url", {
      token: brand,
    });
    expect(me.body.data).toMatchObject({
      id: BRAND_ID,
      username: "replycart",
      name: "replycart shop",
    });
    // No picture on X's CDN: the demo works offline and tells X nothing.
    expect(me.body.data).not.toHaveProperty("profile_image_url");
    expect(me.body.data.email).toBeUndefined();
    const byId = await t.call("GET", `/2/users/${ALICE_ID}`, { token: brand });
    expect(byId.body.data.username).toBe("alice");
    const byName = await t.call("GET", "/2/users/by/username/BOB", { token: await t.appToken() });
    expect(byName.body.data.username).toBe("bob");
    const missing = await t.call("GET", "/2/users/by/username/nobody", { token: brand });
    expect(missing.status).toBe(200);
    expect(missing.body.errors[0].detail).toBe("Could not find user with username: [nobody].");
  });

  it("refuses /2/users/me with an app-only token", async () => {
    expect((await t.call("GET", "/2/users/me", { token: await t.appToken() })).status).toBe(403);
  });
});
