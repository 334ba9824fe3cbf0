import { matchQuery, parseQuery, type QueryNode } from "../api/search-query";
import { toMatchable } from "../posts/matchable";
import { buildIncludes } from "../posts/build-includes";
import { renderPost } from "../posts/post-view";
import type { ViewFields } from "../posts/view-fields";
import type { SimPost, SimState } from "../state/types";

const parsed = new Map<string, QueryNode | null>();

function compiled(value: string): QueryNode | null {
  if (!parsed.has(value)) {
    try {
      parsed.set(value, parseQuery(value));
    } catch {
      parsed.set(value, null);
    }
  }
  return parsed.get(value) ?? null;
}

/** The app's rules that a new post matches, as `matching_rules` entries. */
export function matchingRules(state: SimState, clientId: string, post: SimPost) {
  const author = state.users.find((u) => u.id === post.authorId);
  if (!author || author.protected) return [];
  const matchable = toMatchable(post, state);
  return state.streamRules
    .filter((rule) => rule.clientId === clientId)
    .filter((rule) => {
      const node = compiled(rule.value);
      return node !== null && matchQuery(node, matchable);
    })
    .map((rule) => (rule.tag ? { id: rule.id, tag: rule.tag } : { id: rule.id }));
}

/** One filtered-stream message: the post, its includes and the rules it matched. */
export function streamMessage(
  state: SimState,
  post: SimPost,
  view: ViewFields,
  rules: Array<{ id: string; tag?: string }>,
): string {
  const message: Record<string, unknown> = { data: renderPost(post, state, view.tweetFields) };
  const includes = buildIncludes([post], state, view);
  if (Object.keys(includes).length) message.includes = includes;
  message.matching_rules = rules;
  return JSON.stringify(message);
}
