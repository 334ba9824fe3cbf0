import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Sums what every runner of `npm test` reported. It is strict on purpose: a green line must mean
// every test ran and passed, so anything that hides tests (a file that failed to load, a hook
// that failed and skipped its tests, a failed global setup, a runner that crashed, a missing
// report) counts as a failure with a reason.

export type Tally = { passed: number; failed: number; problems: string[] };

/** What scripts/test.ts writes: one-test checks (lint, types) and each runner's exit code. */
export type RunsReport = {
  checks: Record<string, boolean>;
  exitCodes: Partial<Record<"vitest" | "playwright", number>>;
};

type VitestFile = {
  name: string;
  status: string;
  message?: string;
  assertionResults: { status: string }[];
};
type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
  testResults: VitestFile[];
};
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
};

export const RUNS_FILE = "runs.json";
export const VITEST_FILE = "vitest.json";
export const PLAYWRIGHT_FILE = "playwright.json";

function read<T>(dir: string, file: string, tally: Tally): T | undefined {
  const full = path.join(dir, file);
  if (!existsSync(full)) return fail(tally, `${file} is missing: its runner never finished`);
  try {
    return JSON.parse(readFileSync(full, "utf8")) as T;
  } catch {
    return fail(tally, `${file} is not valid JSON`);
  }
}

function fail(tally: Tally, problem: string, count = 1): undefined {
  tally.failed += count;
  tally.problems.push(problem);
  return undefined;
}

function addVitest(report: VitestReport, tally: Tally): number {
  const before = tally.failed;
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  const notRun = report.numPendingTests + report.numTodoTests;
  if (notRun > 0)
    fail(tally, `vitest: ${notRun} test(s) skipped or todo (a failed hook skips)`, notRun);
  for (const file of report.testResults) {
    const counted = file.assertionResults.some((test) => test.status !== "passed");
    if (file.status !== "passed" && !counted)
      fail(tally, `vitest: ${file.name} failed outside its tests: ${file.message ?? "no message"}`);
  }
  if (!report.success && tally.failed === before)
    fail(tally, "vitest: the run failed without a failed test (global setup or run error)");
  return tally.failed - before;
}

function addPlaywright(report: PlaywrightReport, tally: Tally): number {
  const before = tally.failed;
  const { expected, unexpected, flaky, skipped } = report.stats;
  tally.passed += expected;
  // Retries are off, so a flaky test (passed only on retry) is a failure if it ever appears.
  tally.failed += unexpected + flaky;
  if (skipped > 0) fail(tally, `playwright: ${skipped} test(s) skipped or not run`, skipped);
  const errors = report.errors?.length ?? 0;
  if (errors > 0) fail(tally, `playwright: ${errors} error(s) outside tests`, errors);
  return tally.failed - before;
}

/** A runner that exited non-zero must have said why in its report; if not, it still failed. */
function checkExit(
  runs: RunsReport | undefined,
  runner: keyof RunsReport["exitCodes"],
  failures: number,
  tally: Tally,
) {
  const code = runs?.exitCodes[runner];
  if (code !== undefined && code !== 0 && failures === 0)
    fail(tally, `${runner} exited with ${code} but its report shows no failure`);
}

/** Sums every runner's JSON report under `dir`; lint, format and typecheck count as one each. */
export function summarizeReports(dir = "reports"): Tally {
  const tally: Tally = { passed: 0, failed: 0, problems: [] };
  const runs = read<RunsReport>(dir, RUNS_FILE, tally);
  for (const [name, ok] of Object.entries(runs?.checks ?? {})) {
    if (ok) tally.passed += 1;
    else fail(tally, `${name} failed`);
  }

  const vitest = read<VitestReport>(dir, VITEST_FILE, tally);
  if (vitest) checkExit(runs, "vitest", addVitest(vitest, tally), tally);
  const playwright = read<PlaywrightReport>(dir, PLAYWRIGHT_FILE, tally);
  if (playwright) checkExit(runs, "playwright", addPlaywright(playwright, tally), tally);
  if (tally.passed === 0 && tally.failed === 0) fail(tally, "no test ran");
  return tally;
}

export const formatTally = ({ passed, failed }: Tally) =>
  `tests: ${passed} passed, ${failed} failed`;

/** The summary's reasons, one line each, for the log above the final line. */
export const formatProblems = ({ problems }: Tally) =>
  problems.map((problem) => `[test] ${problem}`).join("\n");
