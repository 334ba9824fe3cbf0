import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "../test-support/test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.close());

describe("rate limits", () => {
  it("sends x-rate-limit-* on every answer and 429 past X's limit (users/me: 75 per 15 min)", async () => {
    const token = await t.userToken("carol");
    const first = await t.call("GET", "/2/users/me", { token });
    expect(first.headers.get("x-rate-limit-limit")).toBe("75");
    expect(first.headers.get("x-rate-limit-remaining")).toBe("74");
    const reset = Number(first.headers.get("x-rate-limit-reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 14 * 60);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 15 * 60);
    for (let i = 0; i < 74; i++) await t.call("GET", "/2/users/me", { token });
    const limited = await t.call("GET", "/2/users/me", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(limited.headers.get("x-rate-limit-reset")).toBe(String(reset));
    expect(limited.body).toEqual({
      title: "Too Many Requests",
      detail: "Too Many Requests",
      type: "about:blank",
      status: 429,
    });
    // Another user has their own window.
    expect((await t.call("GET", "/2/users/me", { token: await t.userToken("dave") })).status).toBe(
      200,
    );
  });

  it("counts POST /2/tweets per user (100/15 min) and per app per day (x-app-limit-24hour-*)", async () => {
    const token = await t.userToken("alice");
    const res = await t.call("POST", "/2/tweets", { token, json: { text: "counting" } });
    expect(res.headers.get("x-rate-limit-limit")).toBe("100");
    expect(res.headers.get("x-app-limit-24hour-limit")).toBe("10000");
  });

  it("lets tests force 429 or 503 on API calls, headers included", async () => {
    const token = await t.userToken("bob");
    await t.call("POST", "/_sim/faults", { json: { apiStatus: 429 } });
    const limited = await t.call("GET", "/2/users/me", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
    await t.call("POST", "/_sim/faults", { json: { apiStatus: 503 } });
    expect((await t.call("GET", "/2/users/me", { token })).status).toBe(503);
    await t.call("POST", "/_sim/faults", { json: { apiStatus: null } });
    expect((await t.call("GET", "/2/users/me", { token })).status).toBe(200);
  });
});
