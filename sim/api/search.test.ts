import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../test-support/test-sim";

let t: TestSim;
let bearer: string;
let product: string;
const replies: string[] = [];
beforeAll(async () => {
  t = await startTestSim();
  bearer = await t.appToken();
  product = (await t.post("replycart", "Mug https://shop.example/p/mug")).id;
  for (let i = 0; i < 25; i++)
    replies.push((await t.post(["alice", "bob", "carol"][i % 3]!, `#addtocart ${i}`, product)).id);
  await t.post("dave", "#addtocart but not a reply");
});
afterAll(() => t.close());

const search = (query: string, extra = "") =>
  t.call("GET", `/2/tweets/search/recent?query=${encodeURIComponent(query)}${extra}`, {
    token: bearer,
  });

describe("GET /2/tweets/search/recent", () => {
  it("returns matches newest first with meta (newest_id, oldest_id, result_count, next_token)", async () => {
    const res = await search("#addtocart is:reply -is:retweet");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(10);
    expect(res.body.data[0].id).toBe(replies[24]);
    expect(res.body.meta).toMatchObject({
      newest_id: replies[24],
      oldest_id: replies[15],
      result_count: 10,
    });
    expect(res.body.meta.next_token).toBeTruthy();
  });

  it("pages through every match with next_token", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await search(
        "#addtocart is:reply",
        `&max_results=10${token ? `&next_token=${token}` : ""}`,
      );
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      token = res.body.meta.next_token;
    } while (token);
    expect(seen).toEqual([...replies].reverse());
  });

  it("returns only newer posts with since_id, and no data key when nothing matched", async () => {
    const res = await search("#addtocart is:reply", `&since_id=${replies[21]}`);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([
      replies[24],
      replies[23],
      replies[22],
    ]);
    expect(res.body.meta.newest_id).toBe(replies[24]);
    const none = await search("#addtocart is:reply", `&since_id=${replies[24]}`);
    expect(none.body).toEqual({ meta: { result_count: 0 } });
  });

  it("picks up a new reply on the next poll with since_id = the last newest_id", async () => {
    const first = await search("(#addtocart OR #addtobasket) is:reply", "&max_results=100");
    const fresh = await t.post("alice", "#addtobasket", product);
    const next = await search(
      "(#addtocart OR #addtobasket) is:reply",
      `&since_id=${first.body.meta.newest_id}`,
    );
    expect(next.body.data.map((p: { id: string }) => p.id)).toEqual([fresh.id]);
  });

  it("expands authors and the replied-to post", async () => {
    const res = await search(
      "#addtocart is:reply",
      "&max_results=10&expansions=author_id,referenced_tweets.id&tweet.fields=author_id,entities",
    );
    expect(res.body.includes.users.map((u: { username: string }) => u.username).sort()).toEqual([
      "alice",
      "bob",
      "carol",
    ]);
    expect(res.body.includes.tweets[0].id).toBe(product);
  });

  it("validates max_results, the query and ids as X does", async () => {
    expect((await search("#addtocart", "&max_results=5")).status).toBe(400);
    expect((await search("#addtocart", "&max_results=101")).status).toBe(400);
    const alone = await search("is:reply");
    expect(alone.status).toBe(400);
    expect(alone.body.errors[0].message).toMatch(/standalone operator/);
    expect((await search("#a", "&since_id=abc")).status).toBe(400);
    expect((await search("#a", "&next_token=garbage")).status).toBe(400);
    expect((await search("x".repeat(513))).status).toBe(400);
  });
});
