import type { Context, Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context";
import { issueUserTokens, revokeUserGrant } from "../oauth/issue-tokens";
import { parseScopes } from "../oauth/scopes";
import { renderPost } from "../posts/post-view";
import { findUserByName } from "../posts/render-user";
import { deletePost, publishPost } from "../posts/publish-post";
import { fanOutLike, fanOutRevoke } from "../events/fan-out";
import { recheckWebhooks } from "../webhooks/crc-timer";
import { createDemoUser } from "./create-user";
import { timelineJson } from "./timeline-json";

// Test and demo helpers under /_sim: outside X's paths, never part of the contract.

const ALL_FIELDS = [
  "author_id",
  "conversation_id",
  "created_at",
  "entities",
  "in_reply_to_user_id",
  "referenced_tweets",
  "display_text_range",
  "edit_controls",
];

const userSchema = z.object({ username: z.string(), name: z.string().optional() });
const tokenSchema = z.object({
  username: z.string(),
  scopes: z.array(z.string()).min(1),
  clientId: z.string().optional(),
});
const postSchema = z.object({
  username: z.string(),
  text: z.string(),
  in_reply_to_tweet_id: z.string().optional(),
  quote_tweet_id: z.string().optional(),
});
const editSchema = z.object({ text: z.string() });
const likeSchema = z.object({ username: z.string() });
const protectSchema = z.object({ protected: z.boolean().optional() });
const revokeSchema = z.object({ clientId: z.string().optional() });
const faultsSchema = z.object({
  duplicate: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  drop: z.number().min(0).max(1).optional(),
  reorder: z.boolean().optional(),
  apiStatus: z.union([z.literal(429), z.literal(503), z.null()]).optional(),
  tokenStatus: z.union([z.literal(429), z.literal(503), z.null()]).optional(),
  selfServeReplyRule: z.boolean().optional(),
  duplicateContentRule: z.boolean().optional(),
});

async function parse<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  const raw: unknown = await c.req.json().catch(() => undefined);
  const result = schema.safeParse(raw ?? {});
  return result.success ? result.data : c.json({ error: z.prettifyError(result.error) }, 400);
}

function userOr404(c: Context, sim: SimContext, username: string) {
  return (
    findUserByName(sim.store.state, username) ?? c.json({ error: `No user @${username}` }, 404)
  );
}

function appFor(sim: SimContext, clientId?: string) {
  const apps = sim.store.state.apps;
  return clientId ? apps.find((a) => a.clientId === clientId) : apps[0];
}

export function mountSimRoutes(app: Hono, sim: SimContext, resetAll: () => void): void {
  app.get("/_sim/users", (c) => c.json({ users: sim.store.state.users }));
  app.post("/_sim/users", async (c) => {
    const input = await parse(c, userSchema);
    if (input instanceof Response) return input;
    const result = createDemoUser(sim, input.username, input.name);
    return result.ok ? c.json({ user: result.user }, 201) : c.json({ error: result.message }, 400);
  });
  app.post("/_sim/users/:username/protect", async (c) => {
    const input = await parse(c, protectSchema);
    if (input instanceof Response) return input;
    const user = userOr404(c, sim, c.req.param("username"));
    if (user instanceof Response) return user;
    user.protected = input.protected ?? true;
    sim.store.changed();
    return c.json({ user });
  });
  app.post("/_sim/tokens", async (c) => {
    const input = await parse(c, tokenSchema);
    if (input instanceof Response) return input;
    const user = userOr404(c, sim, input.username);
    if (user instanceof Response) return user;
    const target = appFor(sim, input.clientId);
    if (!target) return c.json({ error: "No such app" }, 404);
    const { scopes, unknown } = parseScopes(input.scopes.join(" "));
    if (unknown.length) return c.json({ error: `Unknown scopes: ${unknown.join(", ")}` }, 400);
    return c.json(issueUserTokens(sim, target, user, scopes));
  });
  app.post("/_sim/users/:username/revoke", async (c) => {
    const input = await parse(c, revokeSchema);
    if (input instanceof Response) return input;
    const user = userOr404(c, sim, c.req.param("username"));
    if (user instanceof Response) return user;
    const target = appFor(sim, input.clientId);
    if (!target) return c.json({ error: "No such app" }, 404);
    const revoked = revokeUserGrant(sim, target, user);
    fanOutRevoke(sim, user, target);
    return c.json({ revoked });
  });
  app.post("/_sim/posts", async (c) => {
    const input = await parse(c, postSchema);
    if (input instanceof Response) return input;
    const author = userOr404(c, sim, input.username);
    if (author instanceof Response) return author;
    const result = publishPost(sim, author, {
      text: input.text,
      inReplyToTweetId: input.in_reply_to_tweet_id,
      quoteTweetId: input.quote_tweet_id,
    });
    if (!result.ok) return c.json(result.body, result.status as 400);
    return c.json({ data: renderPost(result.post, sim.store.state, ALL_FIELDS) }, 201);
  });
  app.post("/_sim/posts/:id/edit", async (c) => {
    const input = await parse(c, editSchema);
    if (input instanceof Response) return input;
    const post = sim.store.state.posts.find((p) => p.id === c.req.param("id") && !p.deleted);
    const author = post && sim.store.state.users.find((u) => u.id === post.authorId);
    if (!post || !author) return c.json({ error: "No such post" }, 404);
    const result = publishPost(sim, author, { text: input.text, editOf: post.id });
    if (!result.ok) return c.json(result.body, result.status as 400);
    return c.json({ data: renderPost(result.post, sim.store.state, ALL_FIELDS) }, 201);
  });
  app.post("/_sim/posts/:id/like", async (c) => {
    const input = await parse(c, likeSchema);
    if (input instanceof Response) return input;
    const liker = userOr404(c, sim, input.username);
    if (liker instanceof Response) return liker;
    const post = sim.store.state.posts.find((p) => p.id === c.req.param("id") && !p.deleted);
    if (!post) return c.json({ error: "No such post" }, 404);
    if (!post.likedBy.includes(liker.id)) {
      post.likedBy.push(liker.id);
      sim.store.changed();
      fanOutLike(sim, post, liker);
    }
    return c.json({ liked: true });
  });
  app.delete("/_sim/posts/:id", (c) => {
    const post = sim.store.state.posts.find((p) => p.id === c.req.param("id") && !p.deleted);
    if (!post) return c.json({ error: "No such post" }, 404);
    deletePost(sim, post);
    return c.json({ deleted: true });
  });
  app.get("/_sim/requests", (c) => c.json(Object.fromEntries(sim.requests)));
  app.get("/_sim/timeline", (c) => c.json(timelineJson(sim, c.req.query("username"))));
  app.get("/_sim/deliveries", (c) => {
    const kind = c.req.query("kind");
    const list = sim.store.state.deliveries.filter((d) => !kind || d.kind === kind);
    return c.json({ deliveries: list });
  });
  app.post("/_sim/deliveries/settle", async (c) => {
    await sim.delivery.idle();
    return c.json({ settled: true });
  });
  app.get("/_sim/faults", (c) => c.json(sim.store.state.faults));
  app.post("/_sim/faults", async (c) => {
    const input = await parse(c, faultsSchema);
    if (input instanceof Response) return input;
    Object.assign(sim.store.state.faults, input);
    sim.store.changed();
    return c.json(sim.store.state.faults);
  });
  app.post("/_sim/stream/disconnect", (c) => c.json({ disconnected: sim.streams.disconnect() }));
  app.post("/_sim/crc/run", async (c) => c.json({ webhooks: await recheckWebhooks(sim) }));
  app.post("/_sim/reset", (c) => {
    resetAll();
    return c.json({ reset: true });
  });
}
