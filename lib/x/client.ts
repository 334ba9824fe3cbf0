import { Agent } from "node:http";
import { TwitterApi, type TwitterApiReadWrite } from "twitter-api-v2";
import { getEnv } from "@/lib/env";

// Every X call goes through here. twitter-api-v2 has no base-URL option, so against the
// simulator a plugin rewrites X's API hosts, and an http.Agent lets it speak plain http.
const X_API_HOSTS = /^https:\/\/api\.(x|twitter)\.com/;

// A silent X must not hold a caller (or a token refresh's row lock) for long: requests give up
// after this long without a byte from X. Streams are long-lived by design and keep no limit.
export const X_REQUEST_TIMEOUT_MS = 10_000;

type RequestArgs = { params: { url: string; timeout?: number } };

function clientSettings() {
  const { apiBaseUrl } = getEnv().x;
  const base = apiBaseUrl.replace(/\/$/, "");
  const rewrite = (args: RequestArgs) => {
    args.params.url = args.params.url.replace(X_API_HOSTS, base);
  };
  const configure = (args: RequestArgs) => {
    args.params.timeout ??= X_REQUEST_TIMEOUT_MS;
    rewrite(args);
  };
  return {
    plugins: [{ onBeforeRequestConfig: configure, onBeforeStreamRequestConfig: rewrite }],
    ...(apiBaseUrl.startsWith("http:") ? { httpAgent: new Agent({ keepAlive: true }) } : {}),
  };
}

/** A client acting for one X user, with their OAuth 2.0 access token. */
export function xUserClient(accessToken: string): TwitterApiReadWrite {
  return new TwitterApi(accessToken, clientSettings()).readWrite;
}

/** The app's own OAuth 2.0 client: token refresh and revocation. */
export function xOAuthClient(): TwitterApi {
  const { clientId, clientSecret } = getEnv().x;
  return new TwitterApi({ clientId, clientSecret }, clientSettings());
}

/** The app itself, with the app-only bearer token from its consumer keys (webhooks, XAA). */
export async function xAppClient(): Promise<TwitterApi> {
  const { consumerKey, consumerSecret } = getEnv().x;
  return new TwitterApi(
    { appKey: consumerKey, appSecret: consumerSecret },
    clientSettings(),
  ).appLogin();
}
