import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_APP } from "../state/seed";
import { startReceiver } from "../test-support/receiver";
import { startTestSim, type TestSim } from "../test-support/test-sim";

const SECRET = DEFAULT_APP.consumerSecret;
let t: TestSim;
let bearer: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  t = await startTestSim({ deliveryTimeoutMs: 300, webhookLimit: 2 });
  bearer = await t.appToken();
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await t.call("POST", "/_sim/reset");
  bearer = await t.appToken();
});
afterAll(() => t.close());

async function receiver(options: Parameters<typeof startReceiver>[1] = {}) {
  const r = await startReceiver(SECRET, options);
  cleanups.push(r.close);
  return r;
}
const register = (url: string) => t.call("POST", "/2/webhooks", { token: bearer, json: { url } });

describe("POST /2/webhooks", () => {
  it("runs the CRC on registration and answers with the webhook config", async () => {
    const r = await receiver();
    const res = await register(r.url);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: expect.stringMatching(/^[0-9]+$/),
      url: r.url,
      valid: true,
      created_at: expect.any(String),
    });
    const crc = r.requests.filter((q) => q.method === "GET");
    expect(crc).toHaveLength(1);
    expect(crc[0]!.url).toMatch(/crc_token=/);
  });

  it("answers 400 CrcValidationFailed when the CRC answer is wrong, and registers nothing", async () => {
    const r = await receiver({ crc: "wrong" });
    const res = await register(r.url);
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe("CrcValidationFailed");
    expect(res.body.detail).toMatch(/^CrcValidationFailed/);
    expect((await t.call("GET", "/2/webhooks", { token: bearer })).body).toEqual({
      data: [],
      meta: { result_count: 0 },
    });
  });

  it("also accepts a CRC signed with the OAuth 2.0 client secret", async () => {
    const r = await startReceiver(DEFAULT_APP.clientSecret!);
    cleanups.push(r.close);
    expect((await register(r.url)).status).toBe(200);
  });

  it("applies X's URL rules (https, no port) but accepts http on loopback", async () => {
    expect((await register("http://example.com/hook")).body.reason).toBe("UrlValidationFailed");
    expect((await register("https://example.com:8443/hook")).body.reason).toBe(
      "UrlValidationFailed",
    );
    expect((await register("not a url")).body.reason).toBe("UrlValidationFailed");
    expect((await register(`https://example.com/${"a".repeat(200)}`)).body.reason).toBe(
      "UrlValidationFailed",
    );
  });

  it("refuses a duplicate URL and more webhooks than the limit", async () => {
    const a = await receiver();
    const b = await receiver();
    const c = await receiver();
    expect((await register(a.url)).status).toBe(200);
    expect((await register(a.url)).body.reason).toBe("DuplicateUrlFailed");
    expect((await register(b.url)).status).toBe(200);
    expect((await register(c.url)).body.reason).toBe("WebhookLimitExceeded");
  });

  it("is app-only: a user token gets 403, no token 401", async () => {
    const user = await t.userToken("replycart");
    expect(
      (await t.call("POST", "/2/webhooks", { token: user, json: { url: "https://x.example/h" } }))
        .status,
    ).toBe(403);
    expect((await t.call("GET", "/2/webhooks")).status).toBe(401);
  });
});

describe("CRC after registration", () => {
  it("PUT /2/webhooks/:id re-runs the CRC; a wrong answer marks the webhook invalid", async () => {
    const r = await receiver();
    const id = (await register(r.url)).body.data.id;
    r.state.crc = "wrong";
    const put = await t.call("PUT", `/2/webhooks/${id}`, { token: bearer });
    expect(put.status).toBe(400);
    expect(put.body.reason).toBe("CrcValidationFailed");
    expect((await t.call("GET", "/2/webhooks", { token: bearer })).body.data[0].valid).toBe(false);
    r.state.crc = "correct";
    expect((await t.call("PUT", `/2/webhooks/${id}`, { token: bearer })).body).toEqual({
      data: { valid: true },
    });
    expect((await t.call("GET", "/2/webhooks", { token: bearer })).body.data[0].valid).toBe(true);
  });

  it("re-checks every webhook on a timer and stops deliveries to an invalid one", async () => {
    const timed = await startTestSim({ crcIntervalMs: 100 });
    try {
      const r = await receiver();
      const token = await timed.appToken();
      const id = (await timed.call("POST", "/2/webhooks", { token, json: { url: r.url } })).body
        .data.id;
      r.state.crc = "wrong";
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(r.requests.filter((q) => q.method === "GET").length).toBeGreaterThanOrEqual(3);
      const list = await timed.call("GET", "/2/webhooks", { token });
      expect(list.body.data).toEqual([expect.objectContaining({ id, valid: false })]);
      const brand = await timed.userToken("replycart");
      await timed.call("POST", "/2/activity/subscriptions", {
        token: brand,
        json: {
          event_type: "post.reply.create",
          filter: { user_id: "1800000000000000001" },
          webhook_id: id,
        },
      });
      await timed.post("alice", "#addtocart", (await timed.post("replycart", "Lamp")).id);
      const log = (await timed.call("GET", "/_sim/deliveries?kind=xaa")).body.deliveries;
      expect(log).toEqual([expect.objectContaining({ outcome: "skipped", attempts: [] })]);
      expect(r.posts()).toHaveLength(0);
    } finally {
      await timed.close();
    }
  });

  it("treats a 500 on the periodic CRC as transient: still valid within X's grace period", async () => {
    const r = await receiver();
    const id = (await register(r.url)).body.data.id;
    r.state.crc = 500;
    const run = await t.call("POST", "/_sim/crc/run");
    expect(run.body.webhooks).toEqual([{ id, valid: true }]);
  });
});

describe("DELETE /2/webhooks/:id", () => {
  it("deletes the webhook, and answers WebhookIdInvalid for an unknown id", async () => {
    const r = await receiver();
    const id = (await register(r.url)).body.data.id;
    expect((await t.call("DELETE", `/2/webhooks/${id}`, { token: bearer })).body).toEqual({
      data: { deleted: true },
    });
    const again = await t.call("DELETE", `/2/webhooks/${id}`, { token: bearer });
    expect(again.status).toBe(400);
    expect(again.body.reason).toBe("WebhookIdInvalid");
  });
});
