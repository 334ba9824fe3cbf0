import { createHmac } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/x/webhook/route";
import { SIMULATED_X_CONSUMER } from "@/lib/env";
import { configureAppEnvironment } from "./support/app-environment";

// With the database unreachable nothing can be committed, so nothing may be acknowledged: a 503
// makes X deliver the event again later.

beforeAll(() => {
  configureAppEnvironment({
    databaseUrl: "postgresql://postgres@127.0.0.1:1/unreachable",
    simUrl: "http://127.0.0.1:9",
  });
});

it("answers 503 with a JSON error, not 200, when the inbox cannot commit", async () => {
  const body = JSON.stringify({
    data: {
      event_type: "post.reply.create",
      payload: { id: "1900000000000000002", text: "#addtocart", author_id: "2244994945" },
    },
  });
  const signature = `sha256=${createHmac("sha256", SIMULATED_X_CONSUMER.consumerSecret).update(body).digest("base64")}`;
  const response = await POST(
    new Request("http://localhost:3000/api/x/webhook", {
      method: "POST",
      body,
      headers: { "x-twitter-webhooks-signature": signature },
    }),
  );
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ error: { code: "inbox_unavailable" } });
});
