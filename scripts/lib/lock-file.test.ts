import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm ci` refuses a lock file that lacks an optional dependency of any platform (npm 11 can
// write one that lists only this machine's binaries), and the deploy steps start with `npm ci`.

type LockPackage = { optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, LockPackage>;
};

/** Where Node would find `name` from the package at `from`: its own node_modules, then up. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ""}node_modules/${name}`]) return true;
    if (!base) return false;
    const parent = base.lastIndexOf("/node_modules/");
    base = parent >= 0 ? base.slice(0, parent) : "";
  }
}

describe("package-lock.json", () => {
  it("locks every optional dependency, for every platform", () => {
    const missing = Object.entries(lock.packages).flatMap(([location, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolves(location, name))
        .map((name) => `${location || "(root)"} -> ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
