import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import {
  invalidParameter,
  invalidRequest,
  notFoundItem,
  problemResponse,
  PROBLEM_BASE,
  aboutBlank,
} from "../http/problems";
import { DAY, MIN15 } from "../http/rate-limit";
import type { ApiRoute } from "../http/route";
import { buildIncludes } from "../posts/build-includes";
import { renderPost } from "../posts/post-view";
import { deletePost } from "../posts/publish-post";
import { createTweet } from "./create-tweet";
import type { SimPost, SimUser } from "../state/types";
import { parseViewParams } from "./view-params";

const ID_RE = /^[0-9]{1,19}$/;
const READ_SCOPES = ["tweet.read", "users.read"];
const WRITE_SCOPES = ["tweet.read", "tweet.write", "users.read"];

function livePost(sim: SimContext, id: string): SimPost | undefined {
  return sim.store.state.posts.find((p) => p.id === id && !p.deleted);
}

function lookupOne(c: Context, sim: SimContext) {
  const id = c.req.param("id") ?? "";
  if (!ID_RE.test(id))
    return invalidParameter(
      c,
      "id",
      id,
      `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`,
    );
  const view = parseViewParams(c);
  if (view instanceof Response) return view;
  const post = livePost(sim, id);
  // A missing or deleted post is a 200 carrying only `errors`, as at X.
  if (!post) return c.json({ errors: [notFoundItem("tweet", "id", id)] });
  const body: Record<string, unknown> = {
    data: renderPost(post, sim.store.state, view.tweetFields),
  };
  const includes = buildIncludes([post], sim.store.state, view);
  if (Object.keys(includes).length) body.includes = includes;
  return c.json(body);
}

function lookupMany(c: Context, sim: SimContext) {
  const raw = c.req.query("ids");
  if (!raw) {
    return problemResponse(
      c,
      400,
      invalidRequest("One or more parameters to your request was invalid.", [
        { parameters: { ids: [] }, message: "The `ids` query parameter can not be empty" },
      ]),
    );
  }
  const ids = raw.split(",");
  const bad = ids.find((id) => !ID_RE.test(id));
  if (bad !== undefined)
    return invalidParameter(
      c,
      "ids",
      bad,
      `The \`ids\` query parameter value [${bad}] does not match ^[0-9]{1,19}$`,
    );
  if (ids.length > 100)
    return invalidParameter(c, "ids", raw, "The `ids` query parameter can hold at most 100 ids");
  const view = parseViewParams(c);
  if (view instanceof Response) return view;
  const found = ids.map((id) => livePost(sim, id)).filter((p): p is SimPost => !!p);
  const body: Record<string, unknown> = {};
  if (found.length) body.data = found.map((p) => renderPost(p, sim.store.state, view.tweetFields));
  const missing = ids.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) body.errors = missing.map((id) => notFoundItem("tweet", "ids", id));
  const includes = buildIncludes(found, sim.store.state, view);
  if (Object.keys(includes).length) body.includes = includes;
  return c.json(body);
}

function remove(c: Context, auth: AuthInfo, sim: SimContext) {
  const id = c.req.param("id") ?? "";
  if (!ID_RE.test(id))
    return invalidParameter(
      c,
      "id",
      id,
      `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`,
    );
  const post = livePost(sim, id);
  if (!post) {
    return problemResponse(c, 404, {
      ...notFoundItem("tweet", "id", id),
      title: "Not Found Error",
      type: `${PROBLEM_BASE}resource-not-found`,
      status: 404,
    });
  }
  if (post.authorId !== (auth as { user: SimUser }).user.id) {
    return problemResponse(
      c,
      403,
      aboutBlank(403, "Forbidden", "You are not allowed to delete this Tweet."),
    );
  }
  deletePost(sim, post);
  return c.json({ data: { deleted: true } });
}

export const tweetRoutes: ApiRoute[] = [
  {
    id: "tweets.byId",
    method: "GET",
    path: "/2/tweets/:id",
    openApiPath: "/2/tweets/{id}",
    auth: "either",
    scopes: READ_SCOPES,
    limits: [
      { per: "user", limit: 900, windowMs: MIN15 },
      { per: "app", limit: 450, windowMs: MIN15 },
    ],
    handle: (c, _auth, sim) => lookupOne(c, sim),
  },
  {
    id: "tweets.byIds",
    method: "GET",
    path: "/2/tweets",
    openApiPath: "/2/tweets",
    auth: "either",
    scopes: READ_SCOPES,
    limits: [
      { per: "user", limit: 5000, windowMs: MIN15 },
      { per: "app", limit: 3500, windowMs: MIN15 },
    ],
    handle: (c, _auth, sim) => lookupMany(c, sim),
  },
  {
    id: "tweets.create",
    method: "POST",
    path: "/2/tweets",
    openApiPath: "/2/tweets",
    auth: "user",
    scopes: WRITE_SCOPES,
    limits: [
      { per: "user", limit: 100, windowMs: MIN15 },
      { per: "app", limit: 10_000, windowMs: DAY, headerPrefix: "x-app-limit-24hour" },
    ],
    handle: createTweet,
  },
  {
    id: "tweets.delete",
    method: "DELETE",
    path: "/2/tweets/:id",
    openApiPath: "/2/tweets/{id}",
    auth: "user",
    scopes: WRITE_SCOPES,
    limits: [{ per: "user", limit: 50, windowMs: MIN15 }],
    handle: remove,
  },
];
