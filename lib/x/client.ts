import { Agent } from "node:http";
import { TwitterApi, type TwitterApiReadWrite } from "twitter-api-v2";
import { getEnv } from "@/lib/env";

// Every X call goes through here. twitter-api-v2 has no base-URL option, so against the
// simulator a plugin rewrites X's API hosts, and an http.Agent lets it speak plain http.
const X_API_HOSTS = /^https:\/\/api\.(x|twitter)\.com/;

function clientSettings() {
  const { apiBaseUrl } = getEnv().x;
  if (X_API_HOSTS.test(apiBaseUrl)) return {};
  const rewrite = (args: { params: { url: string } }) => {
    args.params.url = args.params.url.replace(X_API_HOSTS, apiBaseUrl.replace(/\/$/, ""));
  };
  return {
    plugins: [{ onBeforeRequestConfig: rewrite, onBeforeStreamRequestConfig: rewrite }],
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
