import { describe, expect, it } from "vitest";
import { normalizeSignInEmail, readAuthForm } from "./sign-in-email";

const post = (body: string, type: string) =>
  new Request("http://localhost/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": type },
    body,
  });

describe("readAuthForm", () => {
  it("reads a repeated field as next-auth does: the last one wins", async () => {
    const form = await readAuthForm(
      post("email=decoy%40a.com&email=victim%40b.com", "application/x-www-form-urlencoded"),
    );
    expect(form.email).toBe("victim@b.com");
  });

  it("reads JSON whenever the content type mentions it, as next-auth does", async () => {
    const body = JSON.stringify({ email: "victim@b.com", note: "&email=decoy@a.com" });
    const form = await readAuthForm(
      post(body, "application/x-www-form-urlencoded; charset=application/json"),
    );
    expect(form.email).toBe("victim@b.com");
  });

  it("reads nothing from a body next-auth would not read, and leaves the request readable", async () => {
    expect(await readAuthForm(post("email=a%40b.com", "text/plain"))).toEqual({});
    expect(await readAuthForm(post("{not json", "application/json"))).toEqual({});
    const request = post("email=a%40b.com", "application/x-www-form-urlencoded");
    await readAuthForm(request);
    expect(await request.text()).toBe("email=a%40b.com");
  });
});

describe("normalizeSignInEmail", () => {
  it("trims, folds width and case", () => {
    expect(normalizeSignInEmail("  Shopper@EXAMPLE.com ")).toBe("shopper@example.com");
    expect(normalizeSignInEmail("ｓｈｏｐｐｅｒ@example.com")).toBe("shopper@example.com");
  });

  it("refuses what is not one address of at most 254 characters", () => {
    for (const bad of ["nobody", "a@b@c.com", `${"a".repeat(64)}@${"b".repeat(186)}.com`])
      expect(() => normalizeSignInEmail(bad)).toThrow();
    expect(normalizeSignInEmail(`${"a".repeat(63)}@${"b".repeat(186)}.com`)).toHaveLength(254);
  });
});
