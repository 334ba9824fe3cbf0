import { describe, expect, it } from "vitest";
import { readDelivery } from "./webhook-payloads";

// Shapes as X documents and sends them (X-API.md "Payload details that matter").

const reply = {
  id: "1800000000000000002",
  text: "@replycart #addtocart 2 size M",
  author_id: "2244994945",
  conversation_id: "1800000000000000001",
  created_at: "2026-11-25T10:00:00.000Z",
  in_reply_to_user_id: "999",
  referenced_tweets: [{ type: "replied_to", id: "1800000000000000001" }],
  edit_history_tweet_ids: ["1800000000000000002"],
  entities: { hashtags: [{ start: 11, end: 21, tag: "addtocart" }] },
  a_field_x_added_later: { anything: true },
};

const xaa = (eventType: string, payload: unknown, includes: unknown = {}) => ({
  data: {
    event_uuid: "-2781149976877970683",
    filter: { user_id: "999" },
    event_type: eventType,
    tag: "replycart",
    payload,
    includes,
  },
});

describe("readDelivery: X Activity API", () => {
  it("reads a reply with a negative event_uuid and includes: {}", () => {
    const { posts, unused } = readDelivery(xaa("post.reply.create", reply));
    expect(unused).toEqual([]);
    expect(posts).toEqual([
      {
        tweetId: reply.id,
        versionIds: [reply.id],
        latestTweetId: reply.id,
        source: "XAA",
        authorXId: "2244994945",
        authorUsername: null,
        inReplyToId: "1800000000000000001",
        conversationId: "1800000000000000001",
        postedAt: new Date("2026-11-25T10:00:00.000Z"),
        text: reply.text,
        raw: reply,
      },
    ]);
  });

  it("finds the author's handle in includes, wrapped in {data} or not", () => {
    const wrapped = { users: [{ data: { id: "2244994945", username: "alice", name: "A" } }] };
    const plain = { users: [{ id: "2244994945", username: "alice" }] };
    for (const includes of [wrapped, plain])
      expect(
        readDelivery(xaa("post.mention.create", reply, includes)).posts[0]?.authorUsername,
      ).toBe("alice");
  });

  it("keys an edit on the original id and remembers every version", () => {
    const edit = {
      ...reply,
      id: "1800000000000000009",
      edit_history_tweet_ids: [reply.id, "1800000000000000009"],
    };
    expect(readDelivery(xaa("post.reply.create", edit)).posts[0]).toMatchObject({
      tweetId: reply.id,
      latestTweetId: "1800000000000000009",
      versionIds: [reply.id, "1800000000000000009"],
    });
  });

  it("reads deletes and revokes, and counts event types it does not use", () => {
    expect(
      readDelivery(xaa("post.delete", { id: reply.id, author_id: "2244994945" })),
    ).toMatchObject({
      deletedIds: [reply.id],
    });
    const revoke = {
      data: {
        event_type: "oauth.revoke",
        filter: {},
        payload: { date_time: "x", user_id: "77", app_id: "1" },
      },
    };
    expect(readDelivery(revoke)).toMatchObject({ revokes: [{ xUserId: "77", at: null }] });
    const dated = {
      data: {
        ...revoke.data,
        payload: { ...revoke.data.payload, date_time: "2026-12-07T09:48:12.000Z" },
      },
    };
    expect(readDelivery(dated).revokes).toEqual([
      { xUserId: "77", at: new Date("2026-12-07T09:48:12.000Z") },
    ]);
    expect(readDelivery(xaa("like.create", { id: "5" }))).toEqual({
      posts: [],
      deletedIds: [],
      revokes: [],
      unused: ["like.create"],
    });
  });

  it("does not take a retweet or a post without an author for a reply", () => {
    const retweet = { ...reply, referenced_tweets: [{ type: "retweeted", id: "1" }] };
    expect(readDelivery(xaa("post.mention.create", retweet))).toMatchObject({
      posts: [],
      unused: ["post.mention.create: retweet"],
    });
    const anonymous = { ...reply, author_id: undefined };
    expect(readDelivery(xaa("post.reply.create", anonymous)).posts).toEqual([]);
  });
});

describe("readDelivery: filtered-stream webhook", () => {
  it("reads the v2 Post with its includes and matching rules", () => {
    const body = {
      data: reply,
      includes: { users: [{ id: "2244994945", username: "alice" }] },
      matching_rules: [{ id: "1", tag: "carts" }],
    };
    expect(readDelivery(body).posts[0]).toMatchObject({
      source: "STREAM_WEBHOOK",
      tweetId: reply.id,
      authorUsername: "alice",
      raw: reply,
    });
  });
});

describe("readDelivery: Account Activity (v1.1)", () => {
  // The numeric id is larger than a double holds: JSON.parse rounds it, id_str does not.
  const raw = `{"for_user_id":"999","tweet_create_events":[{"created_at":"Wed Nov 25 10:00:00 +0000 2026","id":1800000000000000003,"id_str":"1800000000000000003","text":"@replycart I want this one, in size M please, it looks great and I have been waiting for a long time to… https://t.co/x","truncated":true,"extended_tweet":{"full_text":"@replycart I want this one, in size M please, it looks great and I have been waiting for a long time to get one #addtocart","entities":{"hashtags":[{"text":"addtocart"}]}},"in_reply_to_status_id":1800000000000000001,"in_reply_to_status_id_str":"1800000000000000001","user":{"id":2244994945,"id_str":"2244994945","screen_name":"alice"}}]}`;

  it("uses id_str, and the full text of a truncated tweet", () => {
    const [post] = readDelivery(JSON.parse(raw)).posts;
    expect(post).toMatchObject({
      tweetId: "1800000000000000003",
      source: "AAA",
      authorXId: "2244994945",
      authorUsername: "alice",
      inReplyToId: "1800000000000000001",
      postedAt: new Date("2026-11-25T10:00:00Z"),
    });
    expect(post?.text).toContain("#addtocart");
  });

  it("reads deletes and revokes, skips retweets and counts other events", () => {
    const deleted = readDelivery({
      for_user_id: "999",
      tweet_delete_events: [
        { status: { id: "1800000000000000003", user_id: "2244994945" }, timestamp_ms: "1" },
      ],
    });
    expect(deleted.deletedIds).toEqual(["1800000000000000003"]);
    const revoked = readDelivery({
      user_event: {
        revoke: { date_time: "x", target: { app_id: "1" }, source: { user_id: "77" } },
      },
    });
    expect(revoked.revokes).toEqual([{ xUserId: "77", at: null }]);
    const dated = readDelivery({
      user_event: {
        revoke: {
          date_time: "2026-12-07T09:48:12+00:00",
          target: { app_id: "1" },
          source: { user_id: "77" },
        },
      },
    });
    expect(dated.revokes).toEqual([{ xUserId: "77", at: new Date("2026-12-07T09:48:12Z") }]);
    const retweet = JSON.parse(
      raw.replace('"truncated":true', '"truncated":true,"retweeted_status":{}'),
    );
    expect(readDelivery(retweet).posts).toEqual([]);
    expect(
      readDelivery({ for_user_id: "999", favorite_events: [{}], follow_events: [{}] }).unused,
    ).toEqual(["favorite_events", "follow_events"]);
  });
});

describe("readDelivery: anything else", () => {
  it("counts well-formed JSON it cannot use instead of failing", () => {
    for (const body of [null, 42, "text", [], {}, { data: null }, { data: { event_type: 5 } }])
      expect(readDelivery(body)).toMatchObject({ posts: [], unused: [expect.any(String)] });
  });
});
