import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL, checkOutAll } from "./support/fixtures";
import {
  deliverSigned,
  eventOf,
  newLinkedShopper,
  settle,
  simJson,
  simPost,
  startPipeline,
  type Pipeline,
} from "./support/reply-pipeline";

// X lets a Post be edited for an hour; an edit of a reply that added something changes what it
// added, while that is still in the cart.

let pipeline: Pipeline;
let mugPost: string;
let teePost: string;
beforeAll(async () => {
  pipeline = await startPipeline();
  mugPost = (await postProductOnX(pipeline.database.db, "us-stoneware-mug", APP_URL)).tweetId;
  teePost = (await postProductOnX(pipeline.database.db, "us-organic-tee", APP_URL)).tweetId;
});
afterAll(() => pipeline?.close());

const db = () => pipeline.database.db;

/** Edits a Post at the simulator (which delivers the new version); the new version's id. */
const edit = async (tweetId: string, text: string) =>
  (await simJson<{ data: { id: string } }>(pipeline.sim, `/_sim/posts/${tweetId}/edit`, { text }))
    .data.id;

const lines = (userId: string) =>
  db().cartItem.findMany({
    where: { userId },
    select: { productId: true, variant: true, quantity: true },
    orderBy: { variant: "asc" },
  });

describe("an edited reply", () => {
  it("a new quantity changes the line it added, and the reply says so", async () => {
    const { user } = await newLinkedShopper(pipeline, "edit_qty");
    const reply = await simPost(pipeline.sim, "edit_qty", "#addtocart 2", mugPost);
    await settle(pipeline);
    expect(await lines(user.id)).toEqual([
      { productId: "us-stoneware-mug", variant: "", quantity: 2 },
    ]);

    await edit(reply, "#addtocart 4 actually");
    await settle(pipeline);
    expect(await lines(user.id)).toEqual([
      { productId: "us-stoneware-mug", variant: "", quantity: 4 },
    ]);
    const event = await eventOf(pipeline, reply);
    expect(event).toMatchObject({ outcome: "ADDED", quantity: 4, editResult: "CHANGED" });
    expect(event.text).toContain("#addtocart 4 actually");
    expect(await db().cartItemSource.findUniqueOrThrow({ where: { tweetId: reply } })).toEqual(
      expect.objectContaining({ quantity: 4 }),
    );
  });

  it("a new size moves the items to that size's line, leaving the other replies' items", async () => {
    const { user } = await newLinkedShopper(pipeline, "edit_size");
    const first = await simPost(pipeline.sim, "edit_size", "#addtocart size M", teePost);
    await simPost(pipeline.sim, "edit_size", "#addtocart 2 size M", teePost);
    await settle(pipeline);
    expect(await lines(user.id)).toEqual([
      { productId: "us-organic-tee", variant: "M", quantity: 3 },
    ]);

    await edit(first, "#addtocart size L");
    await settle(pipeline);
    expect(await lines(user.id)).toEqual([
      { productId: "us-organic-tee", variant: "L", quantity: 1 },
      { productId: "us-organic-tee", variant: "M", quantity: 2 },
    ]);
    expect(await eventOf(pipeline, first)).toMatchObject({ size: "L", editResult: "CHANGED" });
  });

  it("an edit that names no clear size leaves the cart as it was", async () => {
    const { user } = await newLinkedShopper(pipeline, "edit_vague");
    const reply = await simPost(pipeline.sim, "edit_vague", "#addtocart size S", teePost);
    await settle(pipeline);
    await edit(reply, "#addtocart size S or M?");
    await settle(pipeline);
    expect(await lines(user.id)).toEqual([
      { productId: "us-organic-tee", variant: "S", quantity: 1 },
    ]);
    expect(await eventOf(pipeline, reply)).toMatchObject({ size: "S", editResult: "KEPT" });
  });

  it("changes nothing once the line is ordered", async () => {
    const { user } = await newLinkedShopper(pipeline, "edit_late");
    const reply = await simPost(pipeline.sim, "edit_late", "#addtocart 2", mugPost);
    await settle(pipeline);
    const orderId = await checkOutAll(db(), user);

    await edit(reply, "#addtocart 5");
    await settle(pipeline);
    expect(await lines(user.id)).toEqual([]);
    const items = await db().orderItem.findMany({ where: { orderId } });
    expect(items).toEqual([
      expect.objectContaining({ productId: "us-stoneware-mug", quantity: 2 }),
    ]);
    expect(await eventOf(pipeline, reply)).toMatchObject({ quantity: 2, editResult: "ORDERED" });
  });

  it("an older version delivered after the edit changes nothing", async () => {
    const { user } = await newLinkedShopper(pipeline, "edit_order");
    const reply = await simPost(pipeline.sim, "edit_order", "#addtocart 1", mugPost);
    await settle(pipeline);
    const edited = await edit(reply, "#addtocart 3");
    await settle(pipeline);
    // X's redelivery of the first version: same original id, an older version.
    const { deliveries } = await simJson<{ deliveries: { body: string; eventType: string }[] }>(
      pipeline.sim,
      "/_sim/deliveries?kind=xaa",
    );
    const original = deliveries.find(
      (d) => d.eventType === "post.reply.create" && d.body.includes(`"id":"${reply}"`),
    );
    expect(original).toBeDefined();
    expect((await deliverSigned(pipeline, original!.body)).status).toBe(200);
    await settle(pipeline);
    const event = await eventOf(pipeline, reply);
    expect(event).toMatchObject({ latestTweetId: edited, quantity: 3 });
    expect(event.text).toContain("#addtocart 3");
    expect(await lines(user.id)).toEqual([
      { productId: "us-stoneware-mug", variant: "", quantity: 3 },
    ]);
  });

  it("an edit before linking changes the add that waits for the link", async () => {
    const { user } = await simJson<{ user: { id: string } }>(pipeline.sim, "/_sim/users", {
      username: "edit_pending",
      name: "edit_pending",
    });
    const reply = await simPost(pipeline.sim, "edit_pending", "#addtocart 1", mugPost);
    await settle(pipeline);
    await edit(reply, "#addtocart 2");
    await settle(pipeline);
    expect(
      await db().pendingAdd.findUniqueOrThrow({ where: { sourceTweetId: reply } }),
    ).toMatchObject({ xUserId: user.id, quantity: 2, status: "PENDING" });
    expect(await eventOf(pipeline, reply)).toMatchObject({
      outcome: "NOT_LINKED",
      editResult: "CHANGED",
    });
  });
});
