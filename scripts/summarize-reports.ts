// Prints the one `tests: N passed, M failed` line summed over every runner's report.
import { formatTally, summarizeReports } from "./lib/summarize-reports";

console.log(formatTally(summarizeReports(process.argv[2] ?? "reports")));
