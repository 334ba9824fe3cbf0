import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./malformed-path";

describe("isMalformedPath", () => {
  it.each(["/p/%ZZ", "/p/%E0%A4%A", "/p/%", "/%C0%AF"])("finds %s malformed", (path) => {
    expect(isMalformedPath(path)).toBe(true);
  });

  it.each(["/", "/p/us-organic-tee", "/p/%00", "/p/caf%C3%A9", "/p/100%25"])(
    "finds %s well-formed",
    (path) => {
      expect(isMalformedPath(path)).toBe(false);
    },
  );
});
