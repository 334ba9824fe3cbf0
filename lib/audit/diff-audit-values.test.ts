import { describe, expect, it } from "vitest";
import { diffAuditValues } from "./diff-audit-values";

describe("diffAuditValues", () => {
  it("lists only the fields that changed, in their recorded order", () => {
    expect(
      diffAuditValues(
        { email: "a@example.com", role: "STAFF", name: "Ann" },
        { email: "a@example.com", role: "OWNER", name: "Ann B" },
      ),
    ).toEqual([
      { field: "role", before: "STAFF", after: "OWNER" },
      { field: "name", before: "Ann", after: "Ann B" },
    ]);
  });

  it("shows a created thing's fields from nothing and a deleted thing's to nothing", () => {
    expect(diffAuditValues(null, { handle: "@replycart", scopes: ["tweet.read"] })).toEqual([
      { field: "handle", before: "—", after: "@replycart" },
      { field: "scopes", before: "—", after: '["tweet.read"]' },
    ]);
    expect(diffAuditValues({ handle: "@replycart" }, undefined)).toEqual([
      { field: "handle", before: "@replycart", after: "—" },
    ]);
  });

  it("treats a field that appears or disappears as a change, and null like absence", () => {
    expect(diffAuditValues({ a: 1, b: null }, { a: 1, c: false })).toEqual([
      { field: "c", before: "—", after: "false" },
    ]);
  });

  it("finds nothing when nothing changed, nested values compared by content", () => {
    expect(diffAuditValues({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });

  it("compares values that are not records as a whole", () => {
    expect(diffAuditValues("STAFF", "OWNER")).toEqual([
      { field: "value", before: "STAFF", after: "OWNER" },
    ]);
    expect(diffAuditValues([1], [1])).toEqual([]);
  });
});
