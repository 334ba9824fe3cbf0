import { BRAND_ID } from "../test-support/test-sim";
import { call, ctx, env, type Case } from "./contract-env";

/** Users, posts and recent search: a success and an error for each operation. */
export const apiCases: Case[] = [
  // Users
  {
    op: "GET /2/users/me",
    kind: "success",
    name: "me with fields",
    run: () =>
      call(
        "GET",
        "/2/users/me?user.fields=created_at,description,protected,public_metrics,profile_image_url",
        ctx.brand,
      ),
  },
  {
    op: "GET /2/users/me",
    kind: "error",
    name: "unknown user.fields",
    run: () => call("GET", "/2/users/me?user.fields=colour", ctx.brand),
  },
  {
    op: "GET /2/users/{id}",
    kind: "success",
    name: "by id",
    run: () => call("GET", `/2/users/${BRAND_ID}`),
  },
  {
    op: "GET /2/users/{id}",
    kind: "success",
    name: "missing id: 200 with errors",
    run: () => call("GET", "/2/users/42"),
  },
  {
    op: "GET /2/users/{id}",
    kind: "error",
    name: "non-numeric id",
    run: () => call("GET", "/2/users/abc"),
  },
  {
    op: "GET /2/users/by/username/{username}",
    kind: "success",
    name: "by username",
    run: () => call("GET", "/2/users/by/username/alice?user.fields=created_at"),
  },
  {
    op: "GET /2/users/by/username/{username}",
    kind: "success",
    name: "unknown username: 200 with errors",
    run: () => call("GET", "/2/users/by/username/nobody"),
  },
  {
    op: "GET /2/users/by/username/{username}",
    kind: "error",
    name: "invalid username",
    run: () => call("GET", "/2/users/by/username/not-valid!"),
  },
  // Posts
  {
    op: "POST /2/tweets",
    kind: "success",
    name: "create (201)",
    run: async () => {
      const a = await call("POST", "/2/tweets", ctx.brand, {
        text: "Contract test https://shop.example/p/1 #mugs",
      });
      ctx.postId = (a.body as { data: { id: string } }).data.id;
      ctx.replyId = (await env.t.post("alice", "#addtocart @replycart", ctx.postId)).id;
      return a;
    },
  },
  {
    op: "POST /2/tweets",
    kind: "success",
    name: "reply (201)",
    run: () =>
      call("POST", "/2/tweets", ctx.brand, {
        text: "Added to your cart",
        reply: { in_reply_to_tweet_id: ctx.replyId },
      }),
  },
  {
    op: "POST /2/tweets",
    kind: "error",
    name: "bad reply id",
    run: () =>
      call("POST", "/2/tweets", ctx.brand, { text: "x", reply: { in_reply_to_tweet_id: "abc" } }),
  },
  {
    op: "GET /2/tweets/{id}",
    kind: "success",
    name: "every supported field and expansion",
    run: () =>
      call(
        "GET",
        `/2/tweets/${ctx.replyId}?tweet.fields=author_id,conversation_id,created_at,display_text_range,edit_controls,entities,in_reply_to_user_id,lang,possibly_sensitive,public_metrics,referenced_tweets,reply_settings,source&expansions=author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username,edit_history_tweet_ids&user.fields=created_at,description,protected,public_metrics,profile_image_url,verified,url,location`,
      ),
  },
  {
    op: "GET /2/tweets/{id}",
    kind: "success",
    name: "missing post: 200 with errors",
    run: () => call("GET", "/2/tweets/1234"),
  },
  {
    op: "GET /2/tweets/{id}",
    kind: "error",
    name: "non-numeric id",
    run: () => call("GET", "/2/tweets/abc"),
  },
  {
    op: "GET /2/tweets",
    kind: "success",
    name: "ids, one missing",
    run: () =>
      call(
        "GET",
        `/2/tweets?ids=${ctx.postId},${ctx.replyId},1234&tweet.fields=created_at,public_metrics&expansions=author_id`,
      ),
  },
  { op: "GET /2/tweets", kind: "error", name: "no ids", run: () => call("GET", "/2/tweets") },
  {
    op: "GET /2/tweets/search/recent",
    kind: "success",
    name: "search with expansions",
    run: () =>
      call(
        "GET",
        "/2/tweets/search/recent?query=%23addtocart%20is%3Areply&tweet.fields=author_id,entities,created_at&expansions=author_id,referenced_tweets.id",
      ),
  },
  {
    op: "GET /2/tweets/search/recent",
    kind: "success",
    name: "no match",
    run: () => call("GET", "/2/tweets/search/recent?query=%23nothing"),
  },
  {
    op: "GET /2/tweets/search/recent",
    kind: "error",
    name: "is: alone",
    run: () => call("GET", "/2/tweets/search/recent?query=is%3Areply"),
  },
];
