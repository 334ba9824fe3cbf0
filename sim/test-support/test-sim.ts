import { startSimulator, type SimOptions } from "../server";
import { DEFAULT_APP } from "../state/seed";

export const BRAND_ID = "1800000000000000001";
export const ALICE_ID = "1800000000000000002";
export const WRITE_SCOPES = ["tweet.read", "tweet.write", "users.read", "offline.access"];

/** Starts a fresh, unpersisted simulator on a random port with handy request helpers. */
export async function startTestSim(options: Partial<SimOptions> = {}) {
  const sim = await startSimulator({ port: 0, snapshotPath: null, fresh: true, ...options });
  const call = async (
    method: string,
    path: string,
    init: { token?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(sim.url + path, {
      method,
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: "manual",
    });
    const text = await res.text();
    // Tests read fields off X's answers freely; each assertion states the shape it expects.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body };
  };
  const userToken = async (username: string, scopes = WRITE_SCOPES): Promise<string> =>
    (await call("POST", "/_sim/tokens", { json: { username, scopes } })).body.access_token;
  const appToken = async (app = DEFAULT_APP): Promise<string> => {
    const basic = Buffer.from(`${app.consumerKey}:${app.consumerSecret}`).toString("base64");
    const res = await fetch(`${sim.url}/oauth2/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${basic}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const post = async (username: string, text: string, inReplyTo?: string) =>
    (
      await call("POST", "/_sim/posts", {
        json: { username, text, in_reply_to_tweet_id: inReplyTo },
      })
    ).body.data as { id: string; text: string };
  const settle = () => call("POST", "/_sim/deliveries/settle");
  return { sim, url: sim.url, call, userToken, appToken, post, settle, close: () => sim.close() };
}

export type TestSim = Awaited<ReturnType<typeof startTestSim>>;
