import { describe, expect, it } from "vitest";
import { brandConnectedRedirect, readReplacedHandle } from "./replaced-notice";

const SECRET = "a".repeat(32);
const replacedParam = (location: string) =>
  new URL(location, "https://shop.example").searchParams.get("replaced") ?? undefined;

describe("the brand's replaced-account notice", () => {
  it("carries the replaced handle to /admin/x, readable with the same secret", () => {
    const location = brandConnectedRedirect("old_brand", SECRET);
    expect(location).toMatch(/^\/admin\/x\?notice=replaced&replaced=old_brand\./);
    expect(readReplacedHandle(replacedParam(location), SECRET)).toBe("old_brand");
  });

  it("says only 'connected' when nothing was replaced", () => {
    expect(brandConnectedRedirect(null, SECRET)).toBe("/admin/x?notice=connected");
  });

  it("ignores a handle it did not sign, or signed with another secret", () => {
    const location = brandConnectedRedirect("old_brand", SECRET);
    const param = replacedParam(location)!;
    expect(readReplacedHandle(param, "b".repeat(32))).toBeNull();
    expect(readReplacedHandle(param.replace("old_brand", "elonmusk"), SECRET)).toBeNull();
    expect(readReplacedHandle("elonmusk", SECRET)).toBeNull();
    expect(readReplacedHandle("<script>.abc", SECRET)).toBeNull();
    expect(readReplacedHandle(["old_brand", "x"], SECRET)).toBeNull();
    expect(readReplacedHandle(undefined, SECRET)).toBeNull();
  });
});
