import { describe, expect, it } from "vitest";
import { missingBrandScopes } from "./brand-account";

describe("missingBrandScopes", () => {
  it("is empty when every scope the bot needs was granted, in any order", () => {
    expect(missingBrandScopes("offline.access users.read tweet.write tweet.read")).toEqual([]);
  });

  it("names what a narrower grant lacks", () => {
    expect(missingBrandScopes("tweet.read users.read")).toEqual(["tweet.write", "offline.access"]);
    expect(missingBrandScopes(null)).toHaveLength(4);
  });
});
