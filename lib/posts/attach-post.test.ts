import { describe, expect, it } from "vitest";
import { postIdFrom } from "./attach-post";

describe("postIdFrom", () => {
  it("reads a bare id and the post URLs the X app shares", () => {
    expect(postIdFrom(" 1900000000000000123 ")).toBe("1900000000000000123");
    expect(postIdFrom("https://x.com/replycart/status/1900000000000000123")).toBe(
      "1900000000000000123",
    );
    expect(postIdFrom("https://twitter.com/replycart/status/1900000000000000123?s=20&t=x")).toBe(
      "1900000000000000123",
    );
    expect(postIdFrom("https://mobile.x.com/replycart/status/1900000000000000123/photo/1")).toBe(
      "1900000000000000123",
    );
  });

  it("finds none in other text or another site's URL", () => {
    expect(postIdFrom("")).toBeNull();
    expect(postIdFrom("my post")).toBeNull();
    expect(postIdFrom("https://example.com/replycart/status/1900000000000000123")).toBeNull();
    expect(postIdFrom("https://x.com/replycart")).toBeNull();
    expect(postIdFrom("123456789012345678901")).toBeNull();
  });
});
