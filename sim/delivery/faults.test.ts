import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_APP } from "../state/seed";
import { startReceiver } from "../test-support/receiver";
import { BRAND_ID, startTestSim, type TestSim } from "../test-support/test-sim";

let t: TestSim;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let product: string;

beforeAll(async () => {
  t = await startTestSim({ reorderWindowMs: 400, retryDelaysMs: [30] });
});
beforeEach(async () => {
  await t.call("POST", "/_sim/reset");
  receiver = await startReceiver(DEFAULT_APP.consumerSecret);
  const bearer = await t.appToken();
  const webhookId = (
    await t.call("POST", "/2/webhooks", { token: bearer, json: { url: receiver.url } })
  ).body.data.id;
  await t.call("POST", "/2/activity/subscriptions", {
    token: await t.userToken("replycart"),
    json: { event_type: "post.reply.create", filter: { user_id: BRAND_ID }, webhook_id: webhookId },
  });
  product = (await t.post("replycart", "Kettle")).id;
});
afterEach(() => receiver.close());
afterAll(() => t.close());

const faults = (json: object) => t.call("POST", "/_sim/faults", { json });
const payloadId = (body: string) => JSON.parse(body).data.payload.id as string;

describe("delivery faults", () => {
  it("duplicate: every delivery arrives twice, byte for byte", async () => {
    await faults({ duplicate: true });
    await t.post("alice", "#addtocart", product);
    const posts = await receiver.waitForPosts(2);
    await t.settle();
    expect(receiver.posts()).toHaveLength(2);
    expect(posts[0]!.body).toBe(posts[1]!.body);
  });

  it("drop: a dropped delivery never arrives and is logged as dropped", async () => {
    await faults({ drop: 1 });
    await t.post("alice", "#addtocart", product);
    await t.settle();
    expect(receiver.posts()).toHaveLength(0);
    const log = (await t.call("GET", "/_sim/deliveries?kind=xaa")).body.deliveries;
    expect(log[0].outcome).toBe("dropped");
  });

  it("delay: deliveries wait before they are sent", async () => {
    await faults({ delayMs: 200 });
    const started = Date.now();
    await t.post("alice", "#addtocart", product);
    await receiver.waitForPosts(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it("reorder: deliveries close together arrive newest first", async () => {
    await faults({ reorder: true });
    const first = (await t.post("alice", "#addtocart", product)).id;
    const second = (await t.post("bob", "#addtocart", product)).id;
    const posts = await receiver.waitForPosts(2);
    expect(posts.map((p) => payloadId(p.body))).toEqual([second, first]);
  });

  it("rejects nonsense fault settings", async () => {
    expect((await faults({ drop: 2 })).status).toBe(400);
    expect((await faults({ apiStatus: 500 })).status).toBe(400);
  });
});
