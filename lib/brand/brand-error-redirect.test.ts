import { describe, expect, it } from "vitest";
import { brandErrorRedirect } from "./brand-error-redirect";

const APP = "https://shop.example";

describe("brandErrorRedirect", () => {
  it("sends a failed brand connection back to /admin/x with its error", () => {
    expect(brandErrorRedirect(`${APP}/api/auth/error?error=Callback`, APP)).toBe(
      `${APP}/admin/x?error=Callback`,
    );
    expect(brandErrorRedirect("/signin?error=OAuthCallback", APP)).toBe(
      `${APP}/admin/x?error=OAuthCallback`,
    );
  });

  it("leaves successful and unrelated redirects alone", () => {
    expect(brandErrorRedirect("/admin/x?notice=connected", APP)).toBeNull();
    expect(brandErrorRedirect("/account?error=AccessDenied", APP)).toBeNull();
    expect(brandErrorRedirect(`${APP}/signin`, APP)).toBeNull();
    expect(brandErrorRedirect(null, APP)).toBeNull();
  });
});
