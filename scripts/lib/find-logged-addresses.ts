import { existsSync, readFileSync } from "node:fs";

// Email addresses in what a test run printed (the app's and the workers' logs included): the
// test users' addresses stand in for shoppers', which no log line may carry.
const ADDRESS = /[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

/** Every line of these files that holds an email address, as `file:line`. */
export function findLoggedAddresses(files: string[]): string[] {
  return files.filter(existsSync).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, index) => (line.match(ADDRESS) ? [`${file}:${index + 1}`] : [])),
  );
}
