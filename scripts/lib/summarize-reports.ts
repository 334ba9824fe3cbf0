import { existsSync, readFileSync } from "node:fs";

export type Tally = { passed: number; failed: number };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTestSuites: number;
  success: boolean;
};
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number };
  errors?: unknown[];
};
type ChecksReport = Record<string, boolean>;

function read<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

/** Sums every runner's JSON report under `dir`: lint and typecheck count as one test each. */
export function summarizeReports(dir = "reports"): Tally {
  const tally: Tally = { passed: 0, failed: 0 };
  const checks = read<ChecksReport>(`${dir}/checks.json`) ?? {};
  for (const ok of Object.values(checks)) tally[ok ? "passed" : "failed"] += 1;

  const vitest = read<VitestReport>(`${dir}/vitest.json`);
  if (vitest) {
    tally.passed += vitest.numPassedTests;
    tally.failed += vitest.numFailedTests;
  }
  const playwright = read<PlaywrightReport>(`${dir}/playwright.json`);
  if (playwright) {
    // A flaky test passed only on retry; retries are off, so count it as a failure if it appears.
    tally.passed += playwright.stats.expected;
    tally.failed += playwright.stats.unexpected + playwright.stats.flaky;
    if (playwright.errors?.length) tally.failed += playwright.errors.length;
  }
  return tally;
}

export const formatTally = ({ passed, failed }: Tally) =>
  `tests: ${passed} passed, ${failed} failed`;
