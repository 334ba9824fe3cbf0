import { describe, expect, it } from "vitest";
import { shippingAddressSchema } from "./shipping-address";

const us = {
  fullName: " Ada Lovelace ",
  line1: "1 Market St",
  city: "San Francisco",
  region: "CA",
  postalCode: "94107",
};

describe("shippingAddressSchema", () => {
  it("trims and fills the optional fields", () => {
    expect(shippingAddressSchema("US").parse(us)).toEqual({
      ...us,
      fullName: "Ada Lovelace",
      line2: "",
    });
  });

  it("normalises UK postcodes and leaves the county optional", () => {
    const parsed = shippingAddressSchema("UK").parse({
      ...us,
      region: undefined,
      postalCode: "sw1a 1aa",
    });
    expect(parsed.postalCode).toBe("SW1A 1AA");
    expect(parsed.region).toBe("");
  });

  it("names each wrong field", () => {
    const result = shippingAddressSchema("US").safeParse({
      ...us,
      fullName: "   ",
      region: "",
      postalCode: "SW1A 1AA",
      line2: "x".repeat(101),
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields.sort()).toEqual(["fullName", "line2", "postalCode", "region"]);
  });

  it("refuses control characters and non-strings", () => {
    expect(shippingAddressSchema("US").safeParse({ ...us, line1: "1 Market St\nX" }).success).toBe(
      false,
    );
    expect(shippingAddressSchema("US").safeParse({ ...us, city: 42 }).success).toBe(false);
  });
});
