import { afterAll, beforeAll, expect, it } from "vitest";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { postProductOnX } from "@/lib/catalog/post-product";
import { APP_URL } from "./support/fixtures";
import {
  answersAtX,
  linkedShopper,
  simJson,
  simPost,
  startPipeline,
  waitFor,
  workerLog,
  type Pipeline,
} from "./support/reply-pipeline";

// X's OAuth down while the brand's token needs a refresh (the simulator's tokenStatus fault):
// the bot's answers wait and go out once X is back, with nobody reconnecting the brand.

let pipeline: Pipeline;
let mugPost: string;
beforeAll(async () => {
  pipeline = await startPipeline();
  mugPost = (await postProductOnX(pipeline.database.db, "us-stoneware-mug", APP_URL)).tweetId;
  await linkedShopper(pipeline, "alice");
});
afterAll(async () => {
  if (workerLog.length) console.log(workerLog.join("\n"));
  await pipeline?.close();
});

const db = () => pipeline.database.db;
const brandRow = () => db().account.findFirstOrThrow({ where: { provider: BRAND_PROVIDER_ID } });
const replyRow = (tweetId: string) =>
  db().outboundReply.findUnique({ where: { inReplyToTweetId: tweetId } });

it("a 503 from X's token endpoint during the brand's refresh: answers resume once X is back", async () => {
  // The brand's access token is due for a refresh (X would still take it; we refresh early).
  const brand = await brandRow();
  await db().account.update({
    where: { id: brand.id },
    data: { expires_at: Math.floor(Date.now() / 1000) - 60 },
  });
  await simJson(pipeline.sim, "/_sim/faults", { tokenStatus: 503 });
  let reply: string;
  try {
    reply = await simPost(pipeline.sim, "alice", "#addtocart while X's OAuth is down", mugPost);
    await waitFor(
      async () => (await replyRow(reply))?.lastError?.includes("503") ?? false,
      "the refresh's 503 on the answer",
    );
    expect(await answersAtX(pipeline, reply)).toBe(0);
    expect((await replyRow(reply))?.status).toBe("PENDING");
    expect((await brandRow()).tokenError).toBeNull();
  } finally {
    await simJson(pipeline.sim, "/_sim/faults", { tokenStatus: null });
  }

  await waitFor(async () => (await replyRow(reply))?.status === "SENT", "the answer sent");
  expect(await answersAtX(pipeline, reply)).toBe(1);
  const after = await brandRow();
  expect(after.tokenError).toBeNull();
  expect(after.tokenRefreshedAt).toBeInstanceOf(Date);
  // Posting products works again too, with the refreshed token.
  await postProductOnX(db(), "us-field-notes", APP_URL);
});
