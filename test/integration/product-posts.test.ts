import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftProductPost, postProductOnX, ProductPostError } from "@/lib/catalog/post-product";
import { createPool } from "@/lib/database/pg-adapter";
import { postgresPacer } from "@/lib/outbox/pacing";
import { attachPost } from "@/lib/posts/attach-post";
import { listPosts } from "@/lib/posts/list-posts";
import { setPostClosed } from "@/lib/posts/set-post-closed";
import { APP_URL, checkOutAll } from "./support/fixtures";
import {
  eventOf,
  newLinkedShopper,
  settle,
  simJson,
  simPost,
  SIM_USERS,
  startPipeline,
  type Pipeline,
} from "./support/reply-pipeline";

// The console's product posts: posting one through the brand's account, closing it for replies
// and reopening it, and attaching a post the merchant made in the X app. X is the simulator.

let pipeline: Pipeline;
let owner: { id: string; email: string | null };
beforeAll(async () => {
  pipeline = await startPipeline();
  owner = await db().user.findFirstOrThrow({
    where: { role: "OWNER" },
    select: { id: true, email: true },
  });
});
afterAll(() => pipeline?.close());

const db = () => pipeline.database.db;

/** `rawText` is what was posted; `text` is X's, links wrapped in t.co. */
type SimPost = { id: string; text: string; rawText: string; author?: { username: string } };
const simPosts = async () =>
  (await simJson<{ posts: SimPost[] }>(pipeline.sim, "/_sim/timeline")).posts;

const auditOf = (tweetId: string) =>
  db().auditEvent.findMany({
    where: { subjectType: "ProductTweet", subjectId: tweetId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, after: true },
  });

const cartOf = (userId: string) =>
  db().cartItem.findMany({
    where: { userId },
    select: { productId: true, variant: true, quantity: true },
  });

describe("posting a product from the console", () => {
  it("drafts the title, price, hashtag, how to reply with a quantity and size, and the link", async () => {
    const draft = await draftProductPost(db(), "us-organic-tee", APP_URL);
    expect(draft.text).toContain(draft.product.title);
    expect(draft.text).toMatch(/\$\d+\.\d\d/);
    expect(draft.text).toMatch(/"#addtocart 2 size \w+"/);
    expect(draft.text).toContain(`${APP_URL}/p/us-organic-tee`);
  });

  it("posts the merchant's text as the brand, records the ProductTweet and an audit row", async () => {
    const text = "Organic Tee, back in stock. Reply #addtocart 2 size M to get two.";
    const { tweetId } = await postProductOnX(db(), "us-organic-tee", APP_URL, {
      text,
      actor: owner,
    });
    const atX = (await simPosts()).find((post) => post.id === tweetId);
    expect(atX).toMatchObject({ text, author: { username: "replycart" } });
    expect(await db().productTweet.findUnique({ where: { tweetId } })).toMatchObject({
      productId: "us-organic-tee",
      text,
      closedAt: null,
    });
    expect(await auditOf(tweetId)).toEqual([
      { action: "post.create", actorId: owner.id, after: { productId: "us-organic-tee", text } },
    ]);
  });

  it("refuses a text over X's 280 (a URL counted as 23) and posts nothing", async () => {
    const before = (await simPosts()).length;
    const tooLong = `${"x".repeat(258)} https://shop.example/p/a`; // 258 + 1 + 23 = 282
    await expect(
      postProductOnX(db(), "us-organic-tee", APP_URL, { text: tooLong, actor: owner }),
    ).rejects.toThrow(/282 characters/);
    // 256 + 1 + 23 = 280: a long URL still fits.
    const fits = `${"y".repeat(256)} https://shop.example/p/${"a".repeat(80)}`;
    const { tweetId } = await postProductOnX(db(), "us-organic-tee", APP_URL, {
      text: fits,
      actor: owner,
    });
    expect((await simPosts()).length).toBe(before + 1);
    expect(await db().productTweet.count({ where: { tweetId } })).toBe(1);
  });

  it("takes its turn from the budget the bot's answers spend, and is refused when none is left", async () => {
    const pool = createPool(pipeline.database.url, 1);
    try {
      const brand = SIM_USERS.replycart;
      // The outbox's counter for the brand: the bot's answers and the posts above spent from it.
      const spent = async () =>
        (
          await db().rateLimit.findUnique({
            where: { key: `bot-replies:${brand}` },
            select: { points: true },
          })
        )?.points ?? 0;
      const before = await spent();
      expect(before).toBeGreaterThan(0);
      // The outbox's own pacer with room for exactly one more post in this window.
      const pacer = postgresPacer(before + 1, { pool });
      await postProductOnX(db(), "us-daypack", APP_URL, { actor: owner, pacer });
      expect(await spent()).toBe(before + 1);
      const atX = (await simPosts()).length;
      await expect(
        postProductOnX(db(), "us-daypack", APP_URL, { actor: owner, pacer }),
      ).rejects.toThrow(/posting limit/);
      expect((await simPosts()).length).toBe(atX);
      expect(await db().productTweet.count({ where: { productId: "us-daypack" } })).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it("refuses a digital product without posting", async () => {
    const digital = await db().product.findFirstOrThrow({ where: { digital: true } });
    await expect(postProductOnX(db(), digital.id, APP_URL, { actor: owner })).rejects.toThrow(
      ProductPostError,
    );
    expect(await db().productTweet.count({ where: { productId: digital.id } })).toBe(0);
  });
});

describe("closing a post for replies", () => {
  it("answers later replies 'no longer taking orders' and adds nothing; reopening adds again", async () => {
    const { tweetId: post } = await postProductOnX(db(), "us-stoneware-mug", APP_URL, {
      actor: owner,
    });
    const { user } = await newLinkedShopper(pipeline, "closed_post_fan");

    const closed = await setPostClosed(db(), owner, post, true);
    expect(closed).toMatchObject({ ok: true });
    const refused = await simPost(pipeline.sim, "closed_post_fan", "#addtocart 2", post);
    await settle(pipeline);
    const event = await eventOf(pipeline, refused);
    expect(event.outcome).toBe("POST_CLOSED");
    expect(event.reply?.text).toMatch(/no longer taking orders/);
    expect(await cartOf(user.id)).toEqual([]);

    expect(await setPostClosed(db(), owner, post, true)).toMatchObject({
      ok: false,
      code: "unchanged",
    });
    expect(await setPostClosed(db(), owner, post, false)).toMatchObject({ ok: true });
    const added = await simPost(pipeline.sim, "closed_post_fan", "#addtocart 2 please", post);
    await settle(pipeline);
    expect((await eventOf(pipeline, added)).outcome).toBe("ADDED");
    expect(await cartOf(user.id)).toEqual([
      { productId: "us-stoneware-mug", variant: "", quantity: 2 },
    ]);
    expect((await auditOf(post)).map((row) => [row.action, row.actorId])).toEqual([
      ["post.create", owner.id],
      ["post.close", owner.id],
      ["post.reopen", owner.id],
    ]);
  });

  it("refuses an unknown post, changing nothing", async () => {
    expect(await setPostClosed(db(), owner, "1999999999999999999", true)).toMatchObject({
      ok: false,
      code: "no_post",
    });
  });

  it("lists posts newest first with their replies, adds and state, filtered by state", async () => {
    const { tweetId: post } = await postProductOnX(db(), "us-field-notes", APP_URL, {
      actor: owner,
    });
    const { user } = await newLinkedShopper(pipeline, "list_fan");
    await simPost(pipeline.sim, "list_fan", "#addtocart", post);
    await simPost(pipeline.sim, "list_fan", "lovely notebooks", post);
    await settle(pipeline);
    await checkOutAll(db(), user, "US");
    await setPostClosed(db(), owner, post, true);

    const all = await listPosts(db());
    expect(all.posts[0]).toMatchObject({
      tweetId: post,
      product: { id: "us-field-notes" },
      replies: 2,
      adds: 1,
      orders: 1,
    });
    expect(all.posts[0]!.closedAt).toBeInstanceOf(Date);
    expect((await listPosts(db(), { state: "closed" })).posts.map((p) => p.tweetId)).toContain(
      post,
    );
    expect((await listPosts(db(), { state: "open" })).posts.map((p) => p.tweetId)).not.toContain(
      post,
    );
  });
});

describe("attaching a post made in the X app", () => {
  it("takes the brand's own post, after which replies to it add the product", async () => {
    const post = await simPost(pipeline.sim, "replycart", "Our desk plant, potted by hand.");
    const attached = await attachPost(db(), owner, {
      productId: "us-desk-plant",
      post: `https://x.com/replycart/status/${post}?s=20`,
    });
    expect(attached).toMatchObject({ ok: true, tweetId: post });
    expect(await db().productTweet.findUnique({ where: { tweetId: post } })).toMatchObject({
      productId: "us-desk-plant",
      text: "Our desk plant, potted by hand.",
    });
    expect((await auditOf(post)).map((row) => row.action)).toEqual(["post.attach"]);

    const { user } = await newLinkedShopper(pipeline, "plant_fan");
    await simPost(pipeline.sim, "plant_fan", "#addtocart", post);
    await settle(pipeline);
    expect(await cartOf(user.id)).toEqual([
      { productId: "us-desk-plant", variant: "", quantity: 1 },
    ]);

    expect(await attachPost(db(), owner, { productId: "us-daypack", post })).toMatchObject({
      ok: false,
      code: "taken",
    });
  });

  it("refuses a post by another author and a made-up id, saving nothing", async () => {
    await newLinkedShopper(pipeline, "someone_else");
    const theirs = await simPost(pipeline.sim, "someone_else", "My own desk plant");
    expect(
      await attachPost(db(), owner, { productId: "us-desk-plant", post: theirs }),
    ).toMatchObject({ ok: false, code: "not_brand" });
    expect(
      await attachPost(db(), owner, { productId: "us-desk-plant", post: "1777777777777777777" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await attachPost(db(), owner, { productId: "us-desk-plant", post: "not a post" }),
    ).toMatchObject({ ok: false, code: "bad_input" });
    expect(
      await db().productTweet.count({
        where: { tweetId: { in: [theirs, "1777777777777777777"] } },
      }),
    ).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { subjectId: { in: [theirs, "1777777777777777777"] } },
      }),
    ).toBe(0);
  });
});

describe("the demo's first start", () => {
  it("posts each product a reply could add that has no post yet, through the same function", async () => {
    const { postDemoCatalog } = await import("../../scripts/lib/post-demo-catalog");
    const log: string[] = [];
    const unposted = await db().product.findMany({
      where: {
        active: true,
        digital: false,
        variants: { some: { stock: { gt: 0 } } },
        tweets: { none: {} },
      },
      select: { id: true },
    });
    expect(unposted.length).toBeGreaterThan(0);
    await postDemoCatalog({
      databaseUrl: pipeline.database.url,
      appUrl: APP_URL,
      log: (line) => log.push(line),
    });

    const posted = await db().productTweet.findMany({
      where: { productId: { in: unposted.map((product) => product.id) } },
      select: { tweetId: true, text: true },
    });
    expect(posted).toHaveLength(unposted.length);
    const atX = new Map((await simPosts()).map((post) => [post.id, post.rawText]));
    for (const { tweetId, text } of posted) expect(atX.get(tweetId)).toBe(text);
    // Recorded as the server's own posts.
    expect(
      await db().auditEvent.count({
        where: {
          action: "post.create",
          actorId: null,
          subjectId: { in: posted.map((p) => p.tweetId) },
        },
      }),
    ).toBe(unposted.length);

    // A later start has nothing left to post.
    const before = await db().productTweet.count();
    await postDemoCatalog({ databaseUrl: pipeline.database.url, appUrl: APP_URL, log: () => {} });
    expect(await db().productTweet.count()).toBe(before);
  });
});
