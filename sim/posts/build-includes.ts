import { extractEntities } from "./entities";
import { referencedTweets, renderPost } from "./post-view";
import { findUserByName, renderUser } from "./render-user";
import type { SimPost, SimState, SimUser } from "../state/types";
import type { ViewFields } from "./view-fields";

export function buildIncludes(posts: SimPost[], state: SimState, view: ViewFields) {
  const users = new Map<string, SimUser>();
  const tweets = new Map<string, SimPost>();
  const addUser = (id: string | undefined) => {
    const user = id ? state.users.find((u) => u.id === id) : undefined;
    if (user) users.set(user.id, user);
  };
  const find = (id: string) => state.posts.find((p) => p.id === id && !p.deleted);
  const ex = new Set(view.expansions);
  for (const post of posts) {
    if (ex.has("author_id")) addUser(post.authorId);
    if (ex.has("in_reply_to_user_id")) addUser(post.inReplyToUserId);
    if (ex.has("entities.mentions.username")) {
      for (const m of extractEntities(post.text, post.links).mentions) {
        addUser(findUserByName(state, m.username)?.id);
      }
    }
    if (ex.has("referenced_tweets.id") || ex.has("referenced_tweets.id.author_id")) {
      for (const ref of referencedTweets(post)) {
        const target = find(ref.id);
        if (!target) continue;
        if (ex.has("referenced_tweets.id")) tweets.set(target.id, target);
        if (ex.has("referenced_tweets.id.author_id")) addUser(target.authorId);
      }
    }
    if (ex.has("edit_history_tweet_ids")) {
      for (const id of post.editHistory) {
        const version = find(id);
        if (version && version.id !== post.id) tweets.set(version.id, version);
      }
    }
  }
  const includes: Record<string, unknown> = {};
  if (users.size)
    includes.users = [...users.values()].map((u) => renderUser(u, state, view.userFields));
  if (tweets.size)
    includes.tweets = [...tweets.values()].map((p) => renderPost(p, state, view.tweetFields));
  return includes;
}
