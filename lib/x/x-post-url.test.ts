import { describe, expect, it } from "vitest";
import { xPostUrl } from "./x-post-url";

const realX = { simulated: false, apiBaseUrl: "https://api.x.com" };
const simulator = { simulated: true, apiBaseUrl: "http://127.0.0.1:4010/" };

describe("xPostUrl", () => {
  it("links to the post under its author's handle on x.com", () => {
    expect(xPostUrl(realX, "1800000000000000123", "alice")).toBe(
      "https://x.com/alice/status/1800000000000000123",
    );
  });

  it("uses x.com's handle-free path without a username, or with one X would not allow", () => {
    expect(xPostUrl(realX, "42", null)).toBe("https://x.com/i/web/status/42");
    expect(xPostUrl(realX, "42", "evil/../path")).toBe("https://x.com/i/web/status/42");
  });

  it("points at the simulator's UI when X is simulated, whatever the handle", () => {
    expect(xPostUrl(simulator, "42", "alice")).toBe("http://127.0.0.1:4010/#post-42");
  });

  it("encodes the id, so a stored value cannot change the path", () => {
    expect(xPostUrl(realX, "1/2?x", "bob")).toBe("https://x.com/bob/status/1%2F2%3Fx");
  });
});
