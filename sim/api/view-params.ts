import type { Context } from "hono";
import { invalidParameter } from "../http/problems";
import { TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS, type ViewFields } from "../posts/view-fields";

function list(value: string | undefined): string[] {
  return value
    ? value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

/**
 * Reads tweet.fields, user.fields and expansions. X's OpenAPI file spells the first one
 * post.fields; both are accepted. An unknown value is a 400, as at X.
 */
export function parseViewParams(
  c: Context,
  expansionNames: string[] = TWEET_EXPANSIONS,
): ViewFields | Response {
  const checks: Array<[string, string[], string[]]> = [
    ["tweet.fields", list(c.req.query("tweet.fields") ?? c.req.query("post.fields")), TWEET_FIELDS],
    ["user.fields", list(c.req.query("user.fields")), USER_FIELDS],
    ["expansions", list(c.req.query("expansions")), expansionNames],
  ];
  for (const [name, values, allowed] of checks) {
    const bad = values.find((v) => !allowed.includes(v));
    if (bad !== undefined) {
      return invalidParameter(
        c,
        name,
        bad,
        `The \`${name}\` query parameter value [${bad}] is not one of [${allowed.join(",")}]`,
      );
    }
  }
  return {
    tweetFields: checks[0]![1],
    userFields: checks[1]![1],
    expansions: checks[2]![1],
  };
}
