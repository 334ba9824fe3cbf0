import type { SimContext } from "../context";
import { aboutBlank, invalidRequest, type ProblemBody } from "../http/problems";
import { nextId } from "../state/ids";
import type { SimPost, SimUser } from "../state/types";
import { fanOutPostCreated, fanOutPostDeleted } from "../events/fan-out";
import { extractEntities, MAX_POST_LENGTH, shortenLinks, weightedLength } from "./entities";
import { editControls } from "./post-view";

export interface PostInput {
  text: string;
  inReplyToTweetId?: string;
  quoteTweetId?: string;
  /** edit_options.previous_post_id: publish a new version of that post. */
  editOf?: string;
  /** Posted through POST /2/tweets by an app (the self-serve rule only binds apps). */
  viaApi?: boolean;
}

export type PostResult =
  { ok: true; post: SimPost } | { ok: false; status: number; body: ProblemBody };

const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

function refuse(status: number, body: ProblemBody): PostResult {
  return { ok: false, status, body };
}

function livePost(sim: SimContext, id: string): SimPost | undefined {
  return sim.store.state.posts.find((p) => p.id === id && !p.deleted);
}

/** Creates a post, a reply, a quote or an edit, with X's refusals, then fans it out. */
export function publishPost(sim: SimContext, author: SimUser, input: PostInput): PostResult {
  const state = sim.store.state;
  const previous = input.editOf ? livePost(sim, input.editOf) : undefined;
  if (input.editOf) {
    if (!previous || previous.authorId !== author.id || previous.supersededBy) {
      return refuse(403, aboutBlank(403, "Forbidden", "You are not permitted to edit this Post."));
    }
    if (!editControls(previous).is_edit_eligible) {
      return refuse(403, aboutBlank(403, "Forbidden", "This Post is no longer editable."));
    }
  }
  const text = input.text ?? "";
  if (!text.trim() && !input.quoteTweetId) {
    return refuse(
      400,
      invalidRequest("One or more parameters to your request was invalid.", [
        { parameters: { text: [text] }, message: "Post text must not be empty." },
      ]),
    );
  }
  if (weightedLength(text) > MAX_POST_LENGTH) {
    return refuse(
      403,
      aboutBlank(
        403,
        "Forbidden",
        "Your Post text is too long. For more information on how X counts characters, please see the documentation.",
      ),
    );
  }
  const replyTo = input.inReplyToTweetId ?? previous?.inReplyToTweetId;
  const parent = replyTo ? livePost(sim, replyTo) : undefined;
  if (replyTo && !parent) {
    return refuse(
      403,
      aboutBlank(
        403,
        "Forbidden",
        "You attempted to reply to a Tweet that is deleted or not visible to you.",
      ),
    );
  }
  if (parent && input.viaApi && state.faults.selfServeReplyRule && !mayReply(sim, author, parent)) {
    return refuse(
      403,
      aboutBlank(
        403,
        "Forbidden",
        "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.",
      ),
    );
  }
  const quoted = input.quoteTweetId ? livePost(sim, input.quoteTweetId) : undefined;
  if (input.quoteTweetId && !quoted) {
    return refuse(
      400,
      invalidRequest("One or more parameters to your request was invalid.", [
        {
          parameters: { quote_tweet_id: [input.quoteTweetId] },
          message: "The quoted Post does not exist.",
        },
      ]),
    );
  }
  const parentAuthor = parent && state.users.find((u) => u.id === parent.authorId);
  // X clients put the replied-to handle in front; it sits outside display_text_range.
  const prefix =
    parentAuthor &&
    parentAuthor.id !== author.id &&
    !text.toLowerCase().startsWith(`@${parentAuthor.username.toLowerCase()}`)
      ? `@${parentAuthor.username} `
      : "";
  const { text: stored, links } = shortenLinks(prefix + text);
  if (state.faults.duplicateContentRule && !input.editOf && isDuplicate(sim, author, text)) {
    return refuse(
      403,
      aboutBlank(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."),
    );
  }
  const id = nextId(state, sim.now());
  const post: SimPost = {
    id,
    authorId: author.id,
    text: stored,
    rawText: text,
    createdAt: new Date(sim.now()).toISOString(),
    conversationId: parent ? parent.conversationId : id,
    inReplyToTweetId: parent?.id,
    inReplyToUserId: parent?.authorId,
    quotedTweetId: quoted?.id,
    editHistory: previous ? [...previous.editHistory, id] : [id],
    links,
    displayStart: Array.from(prefix).length,
    likedBy: previous ? [...previous.likedBy] : [],
    deleted: false,
  };
  if (previous) previous.supersededBy = id;
  state.posts.push(post);
  sim.store.changed();
  fanOutPostCreated(sim, post);
  return { ok: true, post };
}

/** X's self-serve rule: only reply where the parent's author mentioned or quoted you. */
function mayReply(sim: SimContext, replier: SimUser, parent: SimPost): boolean {
  if (parent.authorId === replier.id) return true;
  const mentioned = extractEntities(parent.text, parent.links).mentions.some(
    (m) => m.username.toLowerCase() === replier.username.toLowerCase(),
  );
  const quotedPost = parent.quotedTweetId && livePost(sim, parent.quotedTweetId);
  return mentioned || (!!quotedPost && quotedPost.authorId === replier.id);
}

function isDuplicate(sim: SimContext, author: SimUser, text: string): boolean {
  const since = sim.now() - DUPLICATE_WINDOW_MS;
  return sim.store.state.posts.some(
    (p) =>
      p.authorId === author.id &&
      !p.deleted &&
      p.rawText === text &&
      Date.parse(p.createdAt) >= since,
  );
}

export function deletePost(sim: SimContext, post: SimPost): void {
  // Deleting a post deletes every version of it, as at X.
  const versions = sim.store.state.posts.filter(
    (p) => post.editHistory.includes(p.id) || p.id === post.id,
  );
  for (const version of versions) version.deleted = true;
  sim.store.changed();
  fanOutPostDeleted(sim, post);
}
