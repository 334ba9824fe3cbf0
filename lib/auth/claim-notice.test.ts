import { describe, expect, it } from "vitest";
import { CLAIM_NOTICE_COOKIE, claimNoticeCookie, readClaimNotice } from "./claim-notice";

const USER = "cm0abc123def456ghi789jkl";

/** The cookie's value, as the browser sends it back. */
const valueOf = (header: string) => header.split(";")[0]!.slice(CLAIM_NOTICE_COOKIE.length + 1);

describe("claimNoticeCookie", () => {
  it("is a short-lived, httpOnly cookie for /account only", () => {
    const header = claimNoticeCookie({ userId: USER, items: 3 }, false);
    expect(header).toBe(
      `${CLAIM_NOTICE_COOKIE}=${USER}.3; Path=/account; Max-Age=600; HttpOnly; SameSite=Lax`,
    );
    expect(claimNoticeCookie({ userId: USER, items: 3 }, true)).toMatch(/; Secure$/);
  });

  it("round-trips the count for the account that linked", () => {
    expect(
      readClaimNotice(valueOf(claimNoticeCookie({ userId: USER, items: 3 }, false)), USER),
    ).toBe(3);
    expect(
      readClaimNotice(valueOf(claimNoticeCookie({ userId: USER, items: 120_000 }, false)), USER),
    ).toBe(9999);
  });
});

describe("readClaimNotice", () => {
  it("announces nothing without the cookie, to another account, or from a malformed value", () => {
    const value = valueOf(claimNoticeCookie({ userId: USER, items: 3 }, false));
    for (const [cookie, userId] of [
      [undefined, USER],
      ["", USER],
      [value, "someone-else"],
      [`${USER}.0`, USER],
      [`${USER}.-2`, USER],
      [`${USER}.3.1`, USER],
      [`${USER}.99999`, USER],
      [`${USER}.<b>`, USER],
      ["3", USER],
    ] as const)
      expect(readClaimNotice(cookie, userId)).toBe(0);
  });
});
