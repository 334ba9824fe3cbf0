import type { Context } from "hono";
import type { SimContext } from "../context";
import { invalidParameter } from "../http/problems";
import { MIN15 } from "../http/rate-limit";
import type { ApiRoute } from "../http/route";
import { toMatchable } from "../posts/matchable";
import { buildIncludes } from "../posts/build-includes";
import { renderPost } from "../posts/post-view";
import { compareIds } from "../state/ids";
import { matchQuery, parseQuery, QueryError } from "./search-query";
import { parseViewParams } from "./view-params";

const MAX_QUERY_LENGTH = 512;
const WINDOW_MS = 7 * 24 * 3_600_000;

function encodeToken(id: string): string {
  return Buffer.from(`b26v89c19zqg8o3f${id}`).toString("base64url");
}

function decodeToken(token: string): string | null {
  const raw = Buffer.from(token, "base64url").toString("utf8");
  const id = raw.replace(/^b26v89c19zqg8o3f/, "");
  return /^[0-9]{1,19}$/.test(id) && raw !== id ? id : null;
}

// GET /2/tweets/search/recent - the last 7 days, newest first, paged by next_token
function searchRecent(c: Context, sim: SimContext) {
  const query = c.req.query("query");
  if (query === undefined)
    return invalidParameter(c, "query", "", "The `query` query parameter can not be empty");
  if (query.length > MAX_QUERY_LENGTH) {
    return invalidParameter(
      c,
      "query",
      query,
      `The \`query\` query parameter value is too long: it must be at most ${MAX_QUERY_LENGTH} characters`,
    );
  }
  let tree;
  try {
    tree = parseQuery(query);
  } catch (error) {
    const message = error instanceof QueryError ? error.message : "Invalid query";
    return invalidParameter(
      c,
      "query",
      query,
      `There were errors processing your request: ${message}`,
    );
  }
  const maxRaw = c.req.query("max_results") ?? "10";
  const max = Number(maxRaw);
  if (!/^\d+$/.test(maxRaw) || max < 10 || max > 100) {
    return invalidParameter(
      c,
      "max_results",
      maxRaw,
      `The \`max_results\` query parameter value [${maxRaw}] is not between 10 and 100`,
    );
  }
  const idParams: Record<string, string | undefined> = {
    since_id: c.req.query("since_id"),
    until_id: c.req.query("until_id"),
  };
  for (const [name, value] of Object.entries(idParams)) {
    if (value !== undefined && !/^[0-9]{1,19}$/.test(value)) {
      return invalidParameter(
        c,
        name,
        value,
        `The \`${name}\` query parameter value [${value}] does not match ^[0-9]{1,19}$`,
      );
    }
  }
  const token = c.req.query("next_token") ?? c.req.query("pagination_token");
  const before = token ? decodeToken(token) : null;
  if (token && !before)
    return invalidParameter(
      c,
      "next_token",
      token,
      `The \`next_token\` query parameter value [${token}] is not valid`,
    );
  const view = parseViewParams(c);
  if (view instanceof Response) return view;

  const state = sim.store.state;
  const since = sim.now() - WINDOW_MS;
  const matches = state.posts
    .filter((p) => !p.deleted && !p.supersededBy && Date.parse(p.createdAt) >= since)
    .filter((p) => !state.users.find((u) => u.id === p.authorId)?.protected)
    .filter((p) => !idParams.since_id || compareIds(p.id, idParams.since_id) > 0)
    .filter((p) => !idParams.until_id || compareIds(p.id, idParams.until_id) < 0)
    .filter((p) => !before || compareIds(p.id, before) < 0)
    .filter((p) => matchQuery(tree, toMatchable(p, state)))
    .sort((a, b) => compareIds(b.id, a.id));
  const page = matches.slice(0, max);
  const meta: Record<string, unknown> = {};
  if (page.length) {
    meta.newest_id = page[0]!.id;
    meta.oldest_id = page.at(-1)!.id;
  }
  meta.result_count = page.length;
  if (matches.length > max) meta.next_token = encodeToken(page.at(-1)!.id);
  const body: Record<string, unknown> = {};
  if (page.length) body.data = page.map((p) => renderPost(p, state, view.tweetFields));
  const includes = buildIncludes(page, state, view);
  if (Object.keys(includes).length) body.includes = includes;
  body.meta = meta;
  return c.json(body);
}

export const searchRoutes: ApiRoute[] = [
  {
    id: "tweets.searchRecent",
    method: "GET",
    path: "/2/tweets/search/recent",
    openApiPath: "/2/tweets/search/recent",
    auth: "either",
    scopes: ["tweet.read", "users.read"],
    limits: [
      { per: "user", limit: 300, windowMs: MIN15 },
      { per: "app", limit: 450, windowMs: MIN15 },
    ],
    handle: (c, _auth, sim) => searchRecent(c, sim),
  },
];
