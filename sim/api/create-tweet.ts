import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { invalidRequest, problemResponse } from "../http/problems";
import { readJson } from "../http/route";
import { publishPost } from "../posts/publish-post";
import type { SimUser } from "../state/types";

const ID_RE = /^[0-9]{1,19}$/;
// CreatePostsRequest allows no other properties.
const CREATE_KEYS = [
  "text",
  "reply",
  "quote_tweet_id",
  "edit_options",
  "reply_settings",
  "nullcast",
  "for_super_followers_only",
  "paid_partnership",
  "made_with_ai",
];

// POST /2/tweets - 201 {data: {id, text, edit_history_tweet_ids}}, or X's refusal
export async function createTweet(c: Context, auth: AuthInfo, sim: SimContext) {
  const body = await readJson(c);
  const bodyError = (message: string) =>
    problemResponse(
      c,
      400,
      invalidRequest("One or more parameters to your request was invalid.", [
        { parameters: {}, message },
      ]),
    );
  if (!body) return bodyError("Request body is not valid JSON.");
  const extra = Object.keys(body).find((k) => !CREATE_KEYS.includes(k));
  if (extra)
    return bodyError(
      `$.${extra}: is not defined in the schema and the schema does not allow additional properties`,
    );
  if (body.text !== undefined && typeof body.text !== "string")
    return bodyError("$.text: number found, string expected");
  const reply = body.reply as { in_reply_to_tweet_id?: unknown } | undefined;
  const replyId = reply?.in_reply_to_tweet_id;
  if (reply !== undefined && (typeof replyId !== "string" || !ID_RE.test(replyId))) {
    return bodyError(
      "$.reply.in_reply_to_tweet_id: does not match the regex pattern ^[0-9]{1,19}$",
    );
  }
  const quoteId = body.quote_tweet_id;
  if (quoteId !== undefined && (typeof quoteId !== "string" || !ID_RE.test(quoteId))) {
    return bodyError("$.quote_tweet_id: does not match the regex pattern ^[0-9]{1,19}$");
  }
  const editOf = (body.edit_options as { previous_post_id?: unknown } | undefined)
    ?.previous_post_id;
  if (editOf !== undefined && (typeof editOf !== "string" || !ID_RE.test(editOf))) {
    return bodyError(
      "$.edit_options.previous_post_id: does not match the regex pattern ^[0-9]{1,19}$",
    );
  }
  const result = publishPost(sim, (auth as { user: SimUser }).user, {
    text: (body.text as string | undefined) ?? "",
    inReplyToTweetId: replyId as string | undefined,
    quoteTweetId: quoteId as string | undefined,
    editOf: editOf as string | undefined,
    viaApi: true,
  });
  if (!result.ok) return problemResponse(c, result.status, result.body);
  const post = result.post;
  const shownText = Array.from(post.text).slice(post.displayStart).join("");
  return c.json(
    { data: { id: post.id, text: shownText, edit_history_tweet_ids: post.editHistory } },
    201,
  );
}
