import { describe, expect, it } from "vitest";
import { textFor } from "./lookup";

describe("textFor", () => {
  const table = { unlinked: "X is unlinked." };

  it("finds the table's own keys", () => {
    expect(textFor(table, "unlinked")).toBe("X is unlinked.");
  });

  it("ignores missing keys and keys inherited from Object.prototype", () => {
    expect(textFor(table, undefined)).toBeUndefined();
    expect(textFor(table, "nope")).toBeUndefined();
    expect(textFor(table, "__proto__")).toBeUndefined();
    expect(textFor(table, "constructor")).toBeUndefined();
  });
});
