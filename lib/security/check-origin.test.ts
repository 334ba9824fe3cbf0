import { describe, expect, it } from "vitest";
import { isShopOrigin } from "./check-origin";

describe("isShopOrigin", () => {
  const appUrl = "https://shop.example.com/";

  it("accepts the shop's own origin", () => {
    expect(isShopOrigin("https://shop.example.com", appUrl)).toBe(true);
  });

  it.each([
    [null],
    [undefined],
    [""],
    ["null"],
    ["https://evil.example"],
    ["http://shop.example.com"],
    ["https://shop.example.com:8443"],
    ["https://shop.example.com.evil.example"],
    ["https://shop.example.com/path"],
    ["not a url"],
  ])("refuses %j", (origin) => {
    expect(isShopOrigin(origin, appUrl)).toBe(false);
  });
});
