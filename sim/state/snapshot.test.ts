import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_APP } from "./seed";
import { startTestSim } from "../test-support/test-sim";

const dir = mkdtempSync(path.join(tmpdir(), "sim-snapshot-"));
const snapshotPath = path.join(dir, "sim-state.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("snapshot persistence", () => {
  it("keeps posts, users and tokens across a restart, and --fresh starts from the seed", async () => {
    const first = await startTestSim({ snapshotPath, fresh: true });
    const post = await first.post("alice", "remember me");
    await first.call("POST", "/_sim/users", { json: { username: "zoe", name: "Zoe" } });
    const token = await first.userToken("zoe");
    await first.close();
    expect(JSON.parse(readFileSync(snapshotPath, "utf8")).posts).toHaveLength(1);

    const second = await startTestSim({ snapshotPath, fresh: false });
    const lookup = await second.call("GET", `/2/tweets/${post.id}`, { token });
    expect(lookup.body.data.text).toBe("remember me");
    // New ids keep growing past the restored ones.
    expect(BigInt((await second.post("bob", "later")).id)).toBeGreaterThan(BigInt(post.id));
    await second.close();

    const fresh = await startTestSim({ snapshotPath, fresh: true });
    expect(
      (await fresh.call("GET", `/2/tweets/${post.id}`, { token: await fresh.userToken("alice") }))
        .body.errors,
    ).toHaveLength(1);
    expect((await fresh.call("GET", "/2/users/me", { token })).status).toBe(401);
    await fresh.close();
  });

  it("merges the apps given at start over the snapshot's, so current credentials work", async () => {
    const before = await startTestSim({ snapshotPath, fresh: true });
    await before.close();
    const rotated = { ...DEFAULT_APP, consumerSecret: "rotated-secret" };
    const after = await startTestSim({ snapshotPath, fresh: false, apps: [rotated] });
    try {
      const basic = (secret: string) =>
        `Basic ${Buffer.from(`${DEFAULT_APP.consumerKey}:${secret}`).toString("base64")}`;
      const post = (secret: string) =>
        fetch(`${after.url}/oauth2/token`, {
          method: "POST",
          headers: {
            authorization: basic(secret),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: "grant_type=client_credentials",
        });
      expect((await post("rotated-secret")).status).toBe(200);
      expect((await post(DEFAULT_APP.consumerSecret)).status).toBe(403);
    } finally {
      await after.close();
    }
  });

  it("seeds the brand and four shoppers with stable ids, and /_sim/reset restores them", async () => {
    const t = await startTestSim();
    try {
      await t.call("POST", "/_sim/users", { json: { username: "temp" } });
      await t.call("POST", "/_sim/reset");
      const users = (await t.call("GET", "/_sim/users")).body.users;
      expect(users.map((u: { id: string; username: string }) => `${u.id}:${u.username}`)).toEqual([
        "1800000000000000001:replycart",
        "1800000000000000002:alice",
        "1800000000000000003:bob",
        "1800000000000000004:carol",
        "1800000000000000005:dave",
      ]);
      expect(users[0].name).toBe("replycart shop");
    } finally {
      await t.close();
    }
  });
});
