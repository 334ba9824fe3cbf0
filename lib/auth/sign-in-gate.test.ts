import { describe, expect, it } from "vitest";
import { signInRedirect } from "./sign-in-gate";

const at = (path: string) => {
  const url = new URL(path, "http://shop.test");
  return { pathname: url.pathname, search: url.search };
};
const noCookies = () => false;

describe("signInRedirect", () => {
  it("sends a visitor without a session cookie to /signin, back to the page and its query", () => {
    expect(signInRedirect("GET", at("/cart"), noCookies)).toBe("/signin?callbackUrl=%2Fcart");
    expect(signInRedirect("GET", at("/checkout?marketplace=UK"), noCookies)).toBe(
      "/signin?callbackUrl=%2Fcheckout%3Fmarketplace%3DUK",
    );
    expect(signInRedirect("HEAD", at("/orders/abc123"), noCookies)).toBe(
      "/signin?callbackUrl=%2Forders%2Fabc123",
    );
    for (const path of ["/orders", "/account", "/account/replies", "/cart/"])
      expect(signInRedirect("GET", at(path), noCookies)).toMatch(/^\/signin\?callbackUrl=/);
  });

  it("lets either of next-auth's session cookies through to the page's own check", () => {
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"])
      expect(signInRedirect("GET", at("/cart"), (cookie) => cookie === name)).toBeUndefined();
    expect(signInRedirect("GET", at("/cart"), (cookie) => cookie === "other")).toBeDefined();
  });

  it("leaves public pages, deeper paths and non-GET requests alone", () => {
    for (const path of ["/", "/p/some-product", "/signin", "/cartoons", "/orders/a/b", "/admin"])
      expect(signInRedirect("GET", at(path), noCookies)).toBeUndefined();
    expect(signInRedirect("POST", at("/cart"), noCookies)).toBeUndefined();
  });
});
