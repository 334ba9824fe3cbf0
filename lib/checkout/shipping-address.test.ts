import { describe, expect, it } from "vitest";
import { checkSavedAddress, shippingAddressSchema } from "./shipping-address";

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

const regionOf = (region: unknown) => shippingAddressSchema("US").safeParse({ ...us, region });

describe("US states", () => {
  it("stores the two-letter code, given the code in any case or the name", () => {
    for (const [typed, code] of [
      ["CA", "CA"],
      ["ca", "CA"],
      [" Ny ", "NY"],
      ["california", "CA"],
      ["New York", "NY"],
      ["new  hampshire", "NH"],
      ["Washington", "WA"],
    ])
      expect(regionOf(typed).data?.region, typed).toBe(code);
  });

  it("takes DC, the territories and the military APO/FPO codes", () => {
    for (const [typed, code] of [
      ["DC", "DC"],
      ["District of Columbia", "DC"],
      ["Washington, D.C.", "DC"],
      ["Puerto Rico", "PR"],
      ["pr", "PR"],
      ["GU", "GU"],
      ["Guam", "GU"],
      ["vi", "VI"],
      ["U.S. Virgin Islands", "VI"],
      ["AS", "AS"],
      ["American Samoa", "AS"],
      ["MP", "MP"],
      ["Northern Mariana Islands", "MP"],
      ["AA", "AA"],
      ["ae", "AE"],
      ["Armed Forces Pacific", "AP"],
    ])
      expect(regionOf(typed).data?.region, typed).toBe(code);
  });

  it("refuses anything else on the state field, with an example", () => {
    for (const typed of [
      "ZZ",
      "zz",
      "C",
      "Cal",
      "Calif",
      "XX",
      "England",
      "CA CA",
      "United States",
    ]) {
      const result = regionOf(typed);
      expect(result.success, typed).toBe(false);
      expect(result.error!.issues).toEqual([
        expect.objectContaining({
          path: ["region"],
          message: "Enter a US state, like CA or New York.",
        }),
      ]);
    }
    expect(regionOf("  ").error!.issues[0]!.message).toBe("Enter the state.");
    expect(regionOf(undefined).error!.issues[0]!.message).toBe("Enter the state.");
  });

  it("leaves the UK county as typed", () => {
    const uk = { ...us, postalCode: "SW1A 1AA" };
    expect(shippingAddressSchema("UK").parse({ ...uk, region: " Kent " }).region).toBe("Kent");
    expect(shippingAddressSchema("UK").parse({ ...uk, region: "ZZ" }).region).toBe("ZZ");
  });
});

const postalCodeOf = (code: "US" | "UK", postalCode: string) =>
  shippingAddressSchema(code).safeParse({ ...us, postalCode });

describe("postal codes", () => {
  it("stores UK postcodes upper case with one space before the inward code", () => {
    for (const [typed, stored] of [
      ["sw1a2aa", "SW1A 2AA"],
      [" SW1A   2AA ", "SW1A 2AA"],
      ["SW1A 2AA", "SW1A 2AA"],
      ["sw1a 2aa", "SW1A 2AA"],
      ["m11ae", "M1 1AE"],
      ["B33 8TH", "B33 8TH"],
      ["cr26xh", "CR2 6XH"],
      ["DN55 1PT", "DN55 1PT"],
      ["w1a0ax", "W1A 0AX"],
      ["EC1A  1BB", "EC1A 1BB"],
    ] as const)
      expect(postalCodeOf("UK", typed).data?.postalCode, typed).toBe(stored);
  });

  it("refuses what is no UK postcode", () => {
    for (const typed of [
      "SW1A",
      "2AA",
      "SW1A 2A",
      "SW1A-2AA",
      "94107",
      "SWIA 2AA",
      "1W1A 2AA",
      "SW1A 2AAA",
      "ABC1 2AA",
      "SW1A\t2AA",
    ]) {
      const result = postalCodeOf("UK", typed);
      expect(result.success, typed).toBe(false);
      expect(result.error!.issues.map((issue) => issue.path[0])).toEqual(["postalCode"]);
    }
    expect(postalCodeOf("UK", "SW1A 2A").error!.issues[0]!.message).toBe(
      "Enter a postcode like SW1A 1AA.",
    );
  });

  it("takes a ZIP or ZIP+4, adding the hyphen a ZIP+4 was typed without", () => {
    for (const [typed, stored] of [
      ["94107", "94107"],
      [" 94107 ", "94107"],
      ["94107-1234", "94107-1234"],
      ["941071234", "94107-1234"],
    ] as const)
      expect(postalCodeOf("US", typed).data?.postalCode, typed).toBe(stored);
    for (const typed of ["9410", "941070", "94107-123", "94107 1234", "9410712345", "ABCDE"])
      expect(postalCodeOf("US", typed).error!.issues[0]!.message, typed).toBe(
        "Enter a ZIP code like 94107.",
      );
  });
});

describe("checkSavedAddress", () => {
  const saved = { ...us, fullName: "Ada Lovelace", line2: "" };

  it("prefills a saved address that passes, normalised and unmarked", () => {
    expect(
      checkSavedAddress("US", { ...saved, region: "california", postalCode: "941071234" }),
    ).toEqual({ values: { ...saved, region: "CA", postalCode: "94107-1234" }, fieldErrors: {} });
    expect(checkSavedAddress("UK", { ...saved, region: "", postalCode: "sw1a2aa" })).toEqual({
      values: { ...saved, region: "", postalCode: "SW1A 2AA" },
      fieldErrors: {},
    });
  });

  it("keeps each field that fails as saved, marked with its error", () => {
    expect(
      checkSavedAddress("US", { ...saved, region: "ZZ", postalCode: "941O7", city: " Oakland " }),
    ).toEqual({
      values: { ...saved, region: "ZZ", postalCode: "941O7", city: "Oakland" },
      fieldErrors: {
        region: "Enter a US state, like CA or New York.",
        postalCode: "Enter a ZIP code like 94107.",
      },
    });
  });
});
