// Prints the one `tests: N passed, M failed` line summed over every runner's report (after the
// reasons for any failure that is not a failed test); exits 1 when anything failed.
import { formatProblems, formatTally, summarizeReports } from "./lib/summarize-reports";

const tally = summarizeReports(process.argv[2] ?? "reports");
if (tally.problems.length) console.error(formatProblems(tally));
console.log(formatTally(tally));
process.exitCode = tally.failed > 0 ? 1 : 0;
