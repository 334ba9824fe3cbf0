import type { SimState, SimUser } from "../state/types";

// Users as X API v2 objects: id, name, username, plus what user.fields asks for.

const DEFAULT_AVATAR =
  "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";
export function renderUser(
  user: SimUser,
  state: SimState,
  fields: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  const want = new Set(fields);
  if (want.has("created_at")) out.created_at = user.createdAt;
  if (want.has("description")) out.description = user.description;
  if (want.has("protected")) out.protected = user.protected;
  if (want.has("profile_image_url")) out.profile_image_url = DEFAULT_AVATAR;
  if (want.has("verified")) out.verified = false;
  if (want.has("verified_type")) out.verified_type = "none";
  if (want.has("url")) out.url = "";
  if (want.has("location")) out.location = "";
  const own = state.posts.filter((p) => p.authorId === user.id && !p.deleted && !p.supersededBy);
  if (want.has("most_recent_tweet_id") && own.length) out.most_recent_tweet_id = own.at(-1)?.id;
  if (want.has("public_metrics")) {
    out.public_metrics = {
      followers_count: 0,
      following_count: 0,
      tweet_count: own.length,
      // X's OpenAPI file calls it post_count; the wire still says tweet_count. Send both.
      post_count: own.length,
      listed_count: 0,
      like_count: state.posts.filter((p) => p.likedBy.includes(user.id)).length,
    };
  }
  return out;
}

export function findUserByName(state: SimState, username: string): SimUser | undefined {
  const wanted = username.toLowerCase();
  return state.users.find((u) => u.username.toLowerCase() === wanted);
}

/** Builds `includes` for a set of rendered posts; keys only appear when they hold something. */
