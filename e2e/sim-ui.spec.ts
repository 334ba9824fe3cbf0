import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";

// The simulator's UI end to end: a test webhook receiver registered through X's real
// endpoints, a product post by the brand, a #addtocart reply by a shopper, and the signed
// delivery shown in the panel with our receiver's answer.

const APP = {
  consumerKey: "replycart-local-consumer",
  consumerSecret: "replycart-local-consumer-secret",
};
const BRAND_ID = "1800000000000000001";

let receiver: Server;
let receiverUrl = "";
const received: string[] = [];

function startReceiver(): Promise<void> {
  receiver = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "GET") {
        const token = url.searchParams.get("crc_token") ?? "";
        const digest = createHmac("sha256", APP.consumerSecret).update(token).digest("base64");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ response_token: `sha256=${digest}` }));
        return;
      }
      received.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, stored: "inbox" }));
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, "127.0.0.1", () => {
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/x/webhook`;
      resolve();
    }),
  );
}

async function registerWebhook(request: APIRequestContext) {
  const basic = Buffer.from(`${APP.consumerKey}:${APP.consumerSecret}`).toString("base64");
  const token = await request.post("/oauth2/token", {
    headers: { authorization: `Basic ${basic}` },
    form: { grant_type: "client_credentials" },
  });
  const bearer = ((await token.json()) as { access_token: string }).access_token;
  const webhook = await request.post("/2/webhooks", {
    headers: { authorization: `Bearer ${bearer}` },
    data: { url: receiverUrl },
  });
  expect(webhook.status()).toBe(200);
  const webhookId = ((await webhook.json()) as { data: { id: string } }).data.id;
  const brand = await request.post("/_sim/tokens", {
    data: { username: "replycart", scopes: ["tweet.read", "tweet.write", "users.read"] },
  });
  const brandToken = ((await brand.json()) as { access_token: string }).access_token;
  const subscription = await request.post("/2/activity/subscriptions", {
    headers: { authorization: `Bearer ${brandToken}` },
    data: { event_type: "post.reply.create", filter: { user_id: BRAND_ID }, webhook_id: webhookId },
  });
  expect(subscription.status()).toBe(200);
}

test.beforeAll(async ({ request }) => {
  await request.post("/_sim/reset");
  await startReceiver();
  await registerWebhook(request);
});

test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test("post as the brand, reply #addtocart as a shopper, see the reply and its delivery", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(page.getByText("No posts yet")).toBeVisible();

  await page.getByTestId("acting-user").selectOption("replycart");
  await page
    .getByTestId("compose-text")
    .fill("New: the replycart mug https://shop.example/p/mug #mugs");
  await page.getByTestId("compose-submit").click();
  const product = page.getByTestId("post").filter({ hasText: "the replycart mug" });
  await expect(product).toBeVisible();
  // Links render as X renders them: display URL, pointing at the expanded one.
  await expect(product.getByRole("link", { name: "shop.example/p/mug" })).toHaveAttribute(
    "href",
    "https://shop.example/p/mug",
  );
  await expect(product.getByRole("link", { name: "#mugs" })).toBeVisible();

  await page.getByTestId("acting-user").selectOption("alice");
  await product.getByTestId("reply-button").click();
  await page.getByTestId("reply-text").fill("#addtocart please!");
  await page.getByTestId("reply-submit").click();

  const reply = page.getByTestId("post").filter({ hasText: "please!" });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Replying to @replycart");
  await expect(reply.getByRole("link", { name: "#addtocart" })).toBeVisible();

  const delivery = page.getByTestId("delivery").filter({ hasText: "post.reply.create" });
  await expect(delivery).toBeVisible();
  await expect(delivery).toContainText("200");
  await expect(delivery).toContainText(receiverUrl);
  await delivery.getByText("Our app's answer").click();
  await expect(delivery).toContainText('"stored":"inbox"');

  expect(received).toHaveLength(1);
  expect(JSON.parse(received[0]!).data.event_type).toBe("post.reply.create");
  await page.screenshot({ path: "/tmp/sim-ui.png", fullPage: false });
});

test("edit a reply (a new version is delivered) and delete it", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("acting-user").selectOption("alice");
  const reply = page.getByTestId("post").filter({ hasText: "please!" });
  await reply.getByTestId("edit-button").click();
  await page.getByTestId("edit-text").fill("#addtocart x2 please!");
  await page.getByRole("button", { name: "Save" }).click();
  const edited = page.getByTestId("post").filter({ hasText: "x2 please!" });
  await expect(edited).toContainText("Last edited");
  await expect(page.getByTestId("delivery").filter({ hasText: "post.reply.create" })).toHaveCount(
    2,
  );
  const payload = JSON.parse(received[1]!).data.payload;
  expect(payload.edit_history_tweet_ids).toHaveLength(2);

  page.once("dialog", (dialog) => void dialog.accept());
  await edited.getByTestId("delete-button").click();
  await expect(page.getByTestId("post").filter({ hasText: "please!" })).toHaveCount(0);
});

test("'Posting as' starts as a demo shopper, not the brand, and survives a reload", async ({
  page,
}) => {
  await page.goto("/");
  const actingUser = page.getByTestId("acting-user");
  await expect(actingUser).toHaveValue("alice");
  await actingUser.selectOption("bob");
  await page.reload();
  await expect(page.getByTestId("acting-user")).toHaveValue("bob");
  await expect(page.getByTestId("compose-text")).toBeVisible();
});

test("the fault switches say what they do", async ({ page, request }) => {
  await page.goto("/");
  const duplicate = page.getByRole("checkbox", { name: /Deliver every event twice/ });
  await expect(duplicate).not.toBeChecked();
  await expect(page.getByText("X may send an event more than once")).toBeVisible();
  await duplicate.check();
  await expect
    .poll(async () => ((await (await request.get("/_sim/timeline")).json()) as Timeline).faults)
    .toMatchObject({ duplicate: true });
  await duplicate.uncheck();
  await expect
    .poll(async () => ((await (await request.get("/_sim/timeline")).json()) as Timeline).faults)
    .toMatchObject({ duplicate: false });
});

type Timeline = { faults: Record<string, unknown> };

for (const width of [1280, 375]) {
  test(`at ${width} px nothing sticks out sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("acting-user")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    for (const part of [page.getByTestId("compose-submit"), page.getByText("Faults")]) {
      const box = await part.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: `/tmp/sim-ui-${width}.png`, fullPage: true });
  });
}

test("the simulator serves a favicon", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/x-icon");
  // ICO header: reserved 0, type 1 (icon)
  expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});
