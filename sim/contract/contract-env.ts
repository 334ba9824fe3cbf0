import { DEFAULT_APP } from "../state/seed";
import { startReceiver } from "../test-support/receiver";
import { startTestSim, type TestSim } from "../test-support/test-sim";
import type { Answer } from "./openapi-validator";

// Shared state of the contract test: one simulator, one webhook receiver, and the ids that
// earlier cases create for later ones.

export interface Case {
  op: string;
  kind: "success" | "error";
  name: string;
  run: () => Promise<Answer | Answer[]>;
}

export const env = {} as { t: TestSim; receiver: Awaited<ReturnType<typeof startReceiver>> };
export const ctx = {
  bearer: "",
  brand: "",
  alice: "",
  webhookId: "",
  postId: "",
  replyId: "",
  subscriptionId: "",
  ruleId: "",
};

export async function setUpContractEnv(): Promise<void> {
  env.t = await startTestSim({ keepAliveMs: 60_000 });
  env.receiver = await startReceiver(DEFAULT_APP.consumerSecret);
  ctx.bearer = await env.t.appToken();
  ctx.brand = await env.t.userToken("replycart", [
    "tweet.read",
    "tweet.write",
    "users.read",
    "offline.access",
    "dm.read",
    "dm.write",
    "like.read",
  ]);
  ctx.alice = await env.t.userToken("alice");
}

export async function tearDownContractEnv(): Promise<void> {
  await env.t.close();
  await env.receiver.close();
}

export async function call(
  method: string,
  path: string,
  token = ctx.bearer,
  json?: unknown,
): Promise<Answer> {
  const res = await env.t.call(method, path, { token: token || undefined, json });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: res.body };
}

/** Reads one filtered-stream message (skipping keep-alives), then hangs up. */
export async function streamMessage(): Promise<Answer> {
  const controller = new AbortController();
  const res = await fetch(
    `${env.t.url}/2/tweets/search/stream?tweet.fields=author_id,entities&expansions=author_id`,
    {
      headers: { authorization: `Bearer ${ctx.bearer}` },
      signal: controller.signal,
    },
  );
  const reader = res.body!.getReader();
  const product = await env.t.post("replycart", "Contract mug");
  await env.t.post("bob", "#addtocart", product.id);
  let text = "";
  while (!text.replace(/^(\r\n)+/, "").includes("\r\n")) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  controller.abort();
  const line = text.split("\r\n").find((l) => l.trim())!;
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    body: JSON.parse(line),
  };
}
