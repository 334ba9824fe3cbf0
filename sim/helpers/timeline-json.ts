import type { SimContext } from "../context";
import { postEntities } from "../posts/post-view";
import { compareIds } from "../state/ids";

/** What the UI shows: live posts newest first (optionally one user's), users, deliveries. */
export function timelineJson(sim: SimContext, username?: string) {
  const state = sim.store.state;
  const byId = new Map(state.users.map((u) => [u.id, u]));
  const owner =
    username && state.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  const live = state.posts.filter((p) => !p.deleted && !p.supersededBy);
  const posts = live
    .filter((p) => !owner || p.authorId === owner.id)
    .sort((a, b) => compareIds(b.id, a.id))
    .slice(0, 200)
    .map((p) => {
      const author = byId.get(p.authorId);
      const parent = state.posts.find((x) => x.id === p.inReplyToTweetId);
      return {
        id: p.id,
        text: p.text,
        rawText: p.rawText,
        displayStart: p.displayStart,
        createdAt: p.createdAt,
        author: author && { id: author.id, username: author.username, name: author.name },
        inReplyTo: parent && { id: parent.id, username: byId.get(parent.authorId)?.username },
        entities: postEntities(p, state),
        edited: p.editHistory.length > 1,
        editHistory: p.editHistory,
        likeCount: p.likedBy.length,
        replyCount: live.filter((x) => x.inReplyToTweetId === p.id).length,
      };
    });
  const deliveries = state.deliveries.slice(-60).reverse();
  return {
    users: state.users.map((u) => ({ id: u.id, username: u.username, name: u.name })),
    posts,
    deliveries,
    webhooks: state.webhooks.map((w) => ({ id: w.id, url: w.url, valid: w.valid })),
    faults: state.faults,
    version:
      state.lastId +
      ":" +
      state.deliveries.length +
      ":" +
      state.deliveries.reduce((n, d) => n + d.attempts.length, 0),
  };
}
