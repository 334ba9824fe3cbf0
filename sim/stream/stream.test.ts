import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_APP } from "../state/seed";
import { startReceiver } from "../test-support/receiver";
import { startTestSim, type TestSim } from "../test-support/test-sim";

let t: TestSim;
let bearer: string;
beforeAll(async () => {
  t = await startTestSim({ keepAliveMs: 50 });
});
beforeEach(async () => {
  await t.call("POST", "/_sim/reset");
  bearer = await t.appToken();
});
afterAll(() => t.close());

const RULE = "(#addtocart OR #addtobasket) is:reply";
const rules = (json: object, query = "") =>
  t.call("POST", `/2/tweets/search/stream/rules${query}`, { token: bearer, json });

/** Reads a stream connection's raw text until `until` holds (or the timeout passes). */
async function readStream(res: Response, until: (text: string) => boolean, timeoutMs = 3_000) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (!until(text) && Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((r) =>
        setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()),
      ),
    ]);
    if (next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  return { text, reader };
}

describe("filtered stream rules", () => {
  it("adds rules with meta.summary, lists them, deletes them", async () => {
    const added = await rules({ add: [{ value: RULE, tag: "cart" }] });
    expect(added.body.data).toEqual([
      { id: expect.stringMatching(/^[0-9]+$/), value: RULE, tag: "cart" },
    ]);
    expect(added.body.meta.summary).toEqual({ created: 1, not_created: 0, valid: 1, invalid: 0 });
    expect(added.body.meta.sent).toEqual(expect.any(String));
    const list = await t.call("GET", "/2/tweets/search/stream/rules", { token: bearer });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.meta.result_count).toBe(1);
    const deleted = await rules({ delete: { ids: [added.body.data[0].id] } });
    expect(deleted.body.meta.summary).toEqual({ deleted: 1, not_deleted: 0 });
    expect(
      (await t.call("GET", "/2/tweets/search/stream/rules", { token: bearer })).body.data,
    ).toBeUndefined();
  });

  it("validates without saving on dry_run=true", async () => {
    const dry = await rules({ add: [{ value: RULE }] }, "?dry_run=true");
    expect(dry.body.meta.summary).toMatchObject({ created: 1, valid: 1 });
    expect(
      (await t.call("GET", "/2/tweets/search/stream/rules", { token: bearer })).body.meta
        .result_count,
    ).toBe(0);
  });

  it("reports invalid and duplicate rules in errors", async () => {
    const invalid = await rules({ add: [{ value: "is:reply" }] });
    expect(invalid.body.meta.summary).toMatchObject({ created: 0, invalid: 1 });
    expect(invalid.body.errors[0].title).toBe("UnprocessableEntity");
    await rules({ add: [{ value: RULE }] });
    const duplicate = await rules({ add: [{ value: RULE }] });
    expect(duplicate.body.errors[0].title).toBe("DuplicateRule");
  });
});

describe("GET /2/tweets/search/stream", () => {
  it("streams matching posts as \\r\\n-delimited JSON with keep-alives, one connection per app", async () => {
    const rule = (await rules({ add: [{ value: RULE, tag: "cart" }] })).body.data[0];
    const controller = new AbortController();
    const res = await fetch(
      `${t.url}/2/tweets/search/stream?expansions=author_id&tweet.fields=author_id`,
      {
        headers: { authorization: `Bearer ${bearer}` },
        signal: controller.signal,
      },
    );
    expect(res.status).toBe(200);
    const second = await t.call("GET", "/2/tweets/search/stream", { token: bearer });
    expect(second.status).toBe(429);
    expect(second.body.connection_issue).toBe("TooManyConnections");

    const product = (await t.post("replycart", "Bowl")).id;
    await t.post("alice", "no hashtag here", product);
    const reply = (await t.post("bob", "#addtobasket", product)).id;
    const { text } = await readStream(
      res,
      (s) => s.includes(reply) && s.slice(s.indexOf(reply)).includes("\r\n"),
    );
    expect(text.startsWith("\r\n")).toBe(true);
    const messages = text
      .split("\r\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      data: { id: reply, author_id: "1800000000000000003" },
      includes: { users: [{ username: "bob" }] },
      matching_rules: [{ id: rule.id, tag: "cart" }],
    });
    controller.abort();
  });

  it("sends a bare \r\n keep-alive at the configured interval (X: every 20 s)", async () => {
    await rules({ add: [{ value: RULE }] });
    const res = await fetch(`${t.url}/2/tweets/search/stream`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const started = Date.now();
    const { text, reader } = await readStream(res, (s) => s === "\r\n\r\n\r\n");
    expect(text).toBe("\r\n\r\n\r\n");
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
    await reader.cancel();
  });

  it("disconnects on demand with X's operational-disconnect message", async () => {
    await rules({ add: [{ value: RULE }] });
    const res = await fetch(`${t.url}/2/tweets/search/stream`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    await t.call("POST", "/_sim/stream/disconnect");
    const { text } = await readStream(res, (s) => s.includes("operational-disconnect"));
    expect(text).toContain("OperationalDisconnect");
    // The slot is free again.
    const again = await fetch(`${t.url}/2/tweets/search/stream`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });
});

describe("filtered stream webhook delivery", () => {
  it("links a webhook and POSTs each matching post to it, signed", async () => {
    const receiver = await startReceiver(DEFAULT_APP.consumerSecret);
    try {
      const webhookId = (
        await t.call("POST", "/2/webhooks", { token: bearer, json: { url: receiver.url } })
      ).body.data.id;
      const link = await t.call(
        "POST",
        `/2/tweets/search/webhooks/${webhookId}?tweet.fields=author_id,entities`,
        { token: bearer },
      );
      expect(link.body).toEqual({ data: { provisioned: true } });
      const links = await t.call("GET", "/2/tweets/search/webhooks", { token: bearer });
      expect(links.body.data[0].webhook_id).toBe(webhookId);
      await rules({ add: [{ value: RULE }] });
      const reply = (await t.post("carol", "#addtocart", (await t.post("bob", "my own post")).id))
        .id;
      const [delivery] = await receiver.waitForPosts(1);
      const body = JSON.parse(delivery!.body);
      expect(body.data).toMatchObject({
        id: reply,
        entities: { hashtags: [{ tag: "addtocart" }] },
      });
      expect(body.matching_rules).toHaveLength(1);
      expect(delivery!.headers["x-twitter-webhooks-signature"]).toMatch(/^sha256=/);
      expect(
        (await t.call("DELETE", `/2/tweets/search/webhooks/${webhookId}`, { token: bearer })).body,
      ).toEqual({ data: { deleted: true } });
    } finally {
      await receiver.close();
    }
  });
});
