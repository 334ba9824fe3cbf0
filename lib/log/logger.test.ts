import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, scrubLogLine } from "./logger";

afterEach(() => vi.restoreAllMocks());

describe("createLogger", () => {
  it("prefixes its area and keeps addresses and tokens out of every line", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    createLogger("checkout").error(
      "confirm failed for shopper+1@example.com with token=9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee",
    );
    expect(printed).toHaveBeenCalledWith("[checkout] confirm failed for [email] with [redacted]");
  });

  it("leaves ordinary words, ids and numbers alone", () => {
    expect(scrubLogLine("reply 1900000000000000002 added 2 × Field Watch")).toBe(
      "reply 1900000000000000002 added 2 × Field Watch",
    );
  });
});
