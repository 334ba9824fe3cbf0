import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

// Run in a child process: lowering a priority cannot be undone without privileges, and the test
// runner's own process must keep its own.

const run = promisify(execFile);

async function niceAfterYield(startNice: number) {
  const { stdout } = await run("nice", [
    "-n",
    String(startNice),
    process.execPath,
    "--import",
    "tsx",
    "--input-type=module",
    "-e",
    `import os from "node:os";
     import priority from "./scripts/lib/worker-priority.ts";
     priority.yieldCpuToWebServer(console.error);
     console.log(os.getPriority());`,
  ]);
  return Number(stdout.trim());
}

it("runs a worker process at nice 10, below the web server", async () => {
  expect(await niceAfterYield(0)).toBe(10);
});

it("leaves a process started lower still where it is", async () => {
  expect(await niceAfterYield(15)).toBe(15);
});
