import { Agent } from "node:http";
import { TwitterApi, type ITwitterApiClientPlugin } from "twitter-api-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_APP } from "../state/seed";
import { startTestSim, type TestSim } from "../test-support/test-sim";

// replycart's X client is twitter-api-v2; it has no base-URL option, so a plugin rewrites
// X's hosts to the simulator, and an http.Agent lets its https module speak plain http.

let t: TestSim;
let settings: { plugins: ITwitterApiClientPlugin[]; httpAgent: Agent };
const REDIRECT = DEFAULT_APP.redirectUris[1]!;

beforeAll(async () => {
  t = await startTestSim();
  const rewrite = (args: { params: { url: string } }) => {
    args.params.url = args.params.url.replace(/^https:\/\/api\.(x|twitter)\.com/, t.url);
  };
  settings = {
    plugins: [{ onBeforeRequestConfig: rewrite, onBeforeStreamRequestConfig: rewrite }],
    httpAgent: new Agent({ keepAlive: false }),
  };
});
afterAll(() => t.close());

/** Follows the consent page the way the browser would, approving as the given user. */
async function approve(authUrl: string, username: string): Promise<URL> {
  const link = new URL(authUrl);
  const form = new URLSearchParams(link.searchParams);
  form.set("decision", "approve");
  form.set("username", username);
  expect((await fetch(`${t.url}/i/oauth2/authorize?${link.searchParams}`)).status).toBe(200);
  const res = await fetch(`${t.url}/i/oauth2/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return new URL(res.headers.get("location")!);
}

describe("twitter-api-v2 against the simulator", () => {
  it("runs the full PKCE flow, reads /2/users/me, replies, and refreshes", async () => {
    const client = new TwitterApi(
      { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret },
      settings,
    );
    const link = client.generateOAuth2AuthLink(REDIRECT, {
      scope: ["tweet.read", "tweet.write", "users.read", "offline.access"],
    });
    const callback = await approve(link.url, "replycart");
    expect(callback.searchParams.get("state")).toBe(link.state);

    const login = await client.loginWithOAuth2({
      code: callback.searchParams.get("code")!,
      codeVerifier: link.codeVerifier,
      redirectUri: REDIRECT,
    });
    expect(login.expiresIn).toBe(7200);
    expect(login.refreshToken).toBeTruthy();
    const brand = new TwitterApi(login.accessToken, settings);
    const me = await brand.v2.me();
    expect(me.data.username).toBe("replycart");

    const product = await brand.v2.tweet("Our new mug https://shop.example/p/mug");
    const shopperReply = await t.post("alice", "#addtocart", product.data.id);
    const botReply = await brand.v2.reply("Added to your cart", shopperReply.id);
    expect(botReply.data.id).toMatch(/^[0-9]+$/);
    const lookup = await brand.v2.singleTweet(botReply.data.id, {
      "tweet.fields": ["referenced_tweets", "author_id"],
    });
    expect(lookup.data.referenced_tweets).toEqual([{ type: "replied_to", id: shopperReply.id }]);

    const refreshed = await client.refreshOAuth2Token(login.refreshToken!);
    expect(refreshed.refreshToken).not.toBe(login.refreshToken);
    await expect(client.refreshOAuth2Token(login.refreshToken!)).rejects.toMatchObject({
      code: 400,
    });
  });

  it("gets an app-only bearer with appLogin and searches recent posts", async () => {
    const app = await new TwitterApi(
      { appKey: DEFAULT_APP.consumerKey, appSecret: DEFAULT_APP.consumerSecret },
      settings,
    ).appLogin();
    await t.post("bob", "anyone tried #addtobasket yet?");
    const result = await app.v2.get("tweets/search/recent", { query: "#addtobasket" });
    expect(result.data[0].text).toContain("#addtobasket");
  });

  it("surfaces X's 403 when the token lacks a scope", async () => {
    const token = await t.userToken("alice", ["tweet.read", "users.read"]);
    const alice = new TwitterApi(token, settings);
    await expect(alice.v2.tweet("hello")).rejects.toMatchObject({ code: 403 });
  });
});
