import { describe, expect, it } from "vitest";
import { productIdSchema } from "./product-id";

describe("productIdSchema", () => {
  it.each(["us-organic-tee", "uk-tea-mug", "cm3x9k2ab0000qz8h1v2c3d4e"])("accepts %s", (id) => {
    expect(productIdSchema.safeParse(id).success).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["a NUL byte", "us-organic-tee\0"],
    ["10,000 characters", "a".repeat(10_000)],
    ["65 characters", "a".repeat(65)],
    ["a slash", "us/organic"],
    ["a leading hyphen", "-tee"],
    ["upper case", "US-ORGANIC-TEE"],
    ["unicode", "tée"],
  ])("refuses %s", (_, id) => {
    expect(productIdSchema.safeParse(id).success).toBe(false);
  });
});
