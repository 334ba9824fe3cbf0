import type { SimState, SimUser } from "../state/types";

// Users as X API v2 objects: id, name, username, plus what user.fields asks for. No
// profile_image_url even when asked: X would give its default picture's URL on its CDN, which an
// offline demo cannot load and which tells X who looks at it. X omits fields a user lacks, so
// clients handle its absence (the shop shows its own default picture).

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
