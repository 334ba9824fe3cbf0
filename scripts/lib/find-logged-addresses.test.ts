import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLoggedAddresses } from "./find-logged-addresses";

describe("findLoggedAddresses", () => {
  it("names each line that holds an address, and passes package versions and plain text", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "replycart-logs-"));
    const log = path.join(dir, "run.log");
    writeFileSync(
      log,
      [
        "> replycart@0.1.0 test",
        "[dev mailbox] A sign-in link is waiting at http://localhost:3000/dev/mailbox",
        "[x] revoking tokens for shopper+1@example.com failed",
        "next-auth: reply from admin@replycart.local",
      ].join("\n"),
    );
    expect(findLoggedAddresses([log, path.join(dir, "missing.log")])).toEqual([
      `${log}:3`,
      `${log}:4`,
    ]);
  });
});
