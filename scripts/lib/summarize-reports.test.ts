import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatTally, summarizeReports, type RunsReport } from "./summarize-reports";

// Report shapes as vitest 4 and Playwright write them (recorded from real runs of a passing
// file, a file that throws while loading, a file whose beforeAll throws, a failing global setup).

const file = (name: string, status: string, tests: string[], message = "") => ({
  name,
  status,
  message,
  assertionResults: tests.map((testStatus) => ({ status: testStatus })),
});

function vitestReport(files: ReturnType<typeof file>[], success?: boolean) {
  const tests = files.flatMap((entry) => entry.assertionResults);
  const count = (status: string) => tests.filter((test) => test.status === status).length;
  return {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("skipped"),
    numTodoTests: count("todo"),
    success: success ?? files.every((entry) => entry.status === "passed"),
    testResults: files,
  };
}

const playwrightReport = (
  expected: number,
  unexpected = 0,
  skipped = 0,
  errors: unknown[] = [],
) => ({
  stats: { expected, unexpected, flaky: 0, skipped },
  errors,
});

const greenRuns: RunsReport = {
  checks: { lint: true, format: true, typecheck: true },
  exitCodes: { vitest: 0, playwright: 0 },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "summary-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(reports: { runs?: unknown; vitest?: unknown; playwright?: unknown }) {
  for (const [name, content] of Object.entries(reports))
    if (content !== undefined)
      writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(content));
}

const passingFile = file("/repo/ok.test.ts", "passed", ["passed", "passed"]);

describe("summarizeReports", () => {
  it("counts every passed test and check when all runners succeeded", () => {
    write({
      runs: greenRuns,
      vitest: vitestReport([passingFile]),
      playwright: playwrightReport(4),
    });
    const tally = summarizeReports(dir);
    expect(formatTally(tally)).toBe("tests: 9 passed, 0 failed");
    expect(tally.problems).toEqual([]);
  });

  it("fails a file that threw while loading, though it has no failed test", () => {
    const broken = file("/repo/broken.test.ts", "failed", [], "Cannot find module './gone'");
    write({
      runs: { ...greenRuns, exitCodes: { vitest: 1, playwright: 0 } },
      vitest: vitestReport([passingFile, broken]),
      playwright: playwrightReport(1),
    });
    const tally = summarizeReports(dir);
    expect(tally.failed).toBe(1);
    expect(tally.problems.join()).toContain("broken.test.ts failed outside its tests");
  });

  it("fails the tests a failed beforeAll skipped", () => {
    const hooked = file("/repo/hook.test.ts", "failed", ["skipped", "skipped", "skipped"], "boom");
    write({
      runs: { ...greenRuns, exitCodes: { vitest: 1, playwright: 0 } },
      vitest: vitestReport([passingFile, hooked]),
      playwright: playwrightReport(1),
    });
    expect(summarizeReports(dir).failed).toBe(3);
  });

  it("fails a run whose global setup failed (no tests, success false)", () => {
    write({
      runs: { ...greenRuns, exitCodes: { vitest: 1, playwright: 0 } },
      vitest: vitestReport([], false),
      playwright: playwrightReport(2),
    });
    const tally = summarizeReports(dir);
    expect(tally.failed).toBe(1);
    expect(tally.problems.join()).toContain("global setup");
  });

  it("fails a runner that exited non-zero with a clean report", () => {
    write({
      runs: { ...greenRuns, exitCodes: { vitest: 0, playwright: 1 } },
      vitest: vitestReport([passingFile]),
      playwright: playwrightReport(2),
    });
    expect(summarizeReports(dir).problems).toEqual([
      "playwright exited with 1 but its report shows no failure",
    ]);
  });

  it.each(["runs", "vitest", "playwright"] as const)("fails when %s.json is missing", (missing) => {
    const reports = {
      runs: greenRuns,
      vitest: vitestReport([passingFile]),
      playwright: playwrightReport(2),
    };
    write({ ...reports, [missing]: undefined });
    const tally = summarizeReports(dir);
    expect(tally.failed).toBe(1);
    expect(tally.problems).toEqual([`${missing}.json is missing: its runner never finished`]);
  });

  it("fails a report that is not JSON", () => {
    write({ runs: greenRuns, playwright: playwrightReport(1) });
    writeFileSync(path.join(dir, "vitest.json"), '{"numPassedTests": 3');
    expect(summarizeReports(dir).problems).toEqual(["vitest.json is not valid JSON"]);
  });

  it("fails Playwright tests that were skipped or errors outside tests", () => {
    write({
      runs: { ...greenRuns, exitCodes: { vitest: 0, playwright: 1 } },
      vitest: vitestReport([passingFile]),
      playwright: playwrightReport(3, 1, 2, [{ message: "webServer exited" }]),
    });
    expect(summarizeReports(dir)).toMatchObject({ passed: 8, failed: 4 });
  });

  it("fails failed checks and an empty folder", () => {
    write({
      runs: { checks: { lint: false, typecheck: true }, exitCodes: { vitest: 0, playwright: 0 } },
      vitest: vitestReport([passingFile]),
      playwright: playwrightReport(1),
    });
    expect(summarizeReports(dir)).toMatchObject({ passed: 4, failed: 1 });
    rmSync(dir, { recursive: true });
    expect(summarizeReports(dir).failed).toBe(3);
  });
});
