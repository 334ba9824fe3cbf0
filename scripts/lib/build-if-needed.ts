import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, runOrThrow } from "./run";

// Everything `next build` reads. A change to any of these (or a new install) means a new build.
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
];
const STAMP = ".next/replycart-build-stamp";

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

export function sourceFingerprint(root = "."): string {
  const hash = createHash("sha256");
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => [...walk(path.join(root, dir))]),
    ...SOURCE_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ].sort();
  for (const file of files)
    hash.update(`${file}\0${statSync(file).size}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export async function buildIfNeeded(env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const fingerprint = sourceFingerprint();
  const current = existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "";
  if (current === fingerprint && existsSync(".next/BUILD_ID")) return;
  log("Building the app (first start or sources changed; this takes a minute or two)...");
  await runOrThrow(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
  writeFileSync(STAMP, fingerprint);
}
