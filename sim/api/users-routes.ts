import type { Context } from "hono";
import type { SimContext } from "../context";
import { invalidParameter, notFoundItem } from "../http/problems";
import { MIN15 } from "../http/rate-limit";
import type { ApiRoute } from "../http/route";
import { buildIncludes } from "../posts/build-includes";
import { findUserByName, renderUser } from "../posts/render-user";
import { USER_EXPANSIONS } from "../posts/view-fields";
import type { SimUser } from "../state/types";
import { parseViewParams } from "./view-params";

const READ_SCOPES = ["tweet.read", "users.read"];

function userAnswer(c: Context, sim: SimContext, user: SimUser) {
  const view = parseViewParams(c, USER_EXPANSIONS);
  if (view instanceof Response) return view;
  const state = sim.store.state;
  const body: Record<string, unknown> = { data: renderUser(user, state, view.userFields) };
  if (view.expansions.includes("most_recent_tweet_id")) {
    const latest = state.posts
      .filter((p) => p.authorId === user.id && !p.deleted && !p.supersededBy)
      .at(-1);
    if (latest) {
      const includes = buildIncludes([], state, view);
      body.includes = {
        ...includes,
        tweets: [{ id: latest.id, text: latest.text, edit_history_tweet_ids: latest.editHistory }],
      };
    }
  }
  return c.json(body);
}

export const userRoutes: ApiRoute[] = [
  {
    id: "users.me",
    method: "GET",
    path: "/2/users/me",
    openApiPath: "/2/users/me",
    auth: "user",
    scopes: READ_SCOPES,
    limits: [{ per: "user", limit: 75, windowMs: MIN15 }],
    handle: (c, auth, sim) => userAnswer(c, sim, (auth as { user: SimUser }).user),
  },
  {
    id: "users.byId",
    method: "GET",
    path: "/2/users/:id",
    openApiPath: "/2/users/{id}",
    auth: "either",
    scopes: READ_SCOPES,
    limits: [
      { per: "user", limit: 900, windowMs: MIN15 },
      { per: "app", limit: 300, windowMs: MIN15 },
    ],
    handle: (c, _auth, sim) => {
      const id = c.req.param("id") ?? "";
      if (!/^[0-9]{1,19}$/.test(id)) {
        return invalidParameter(
          c,
          "id",
          id,
          `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`,
        );
      }
      const user = sim.store.state.users.find((u) => u.id === id);
      return user ? userAnswer(c, sim, user) : c.json({ errors: [notFoundItem("user", "id", id)] });
    },
  },
  {
    id: "users.byUsername",
    method: "GET",
    path: "/2/users/by/username/:username",
    openApiPath: "/2/users/by/username/{username}",
    auth: "either",
    scopes: READ_SCOPES,
    limits: [
      { per: "user", limit: 900, windowMs: MIN15 },
      { per: "app", limit: 300, windowMs: MIN15 },
    ],
    handle: (c, _auth, sim) => {
      const username = c.req.param("username") ?? "";
      if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) {
        return invalidParameter(
          c,
          "username",
          username,
          `The \`username\` query parameter value [${username}] does not match ^[A-Za-z0-9_]{1,15}$`,
        );
      }
      const user = findUserByName(sim.store.state, username);
      return user
        ? userAnswer(c, sim, user)
        : c.json({ errors: [notFoundItem("user", "username", username)] });
    },
  },
];
