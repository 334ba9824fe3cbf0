import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Row = { metric: string; value: string; target?: string; ok?: boolean };
export type Scenario = { name: string; rows: Row[] };

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length));

/** One scenario's table, printed as soon as it is measured. */
export function printScenario({ name, rows }: Scenario) {
  const widths = [
    Math.max(6, ...rows.map((row) => row.metric.length)),
    Math.max(5, ...rows.map((row) => row.value.length)),
    Math.max(6, ...rows.map((row) => (row.target ?? "").length)),
  ];
  console.log(`\n## ${name}\n`);
  console.log(
    `| ${pad("metric", widths[0]!)} | ${pad("value", widths[1]!)} | ${pad("target", widths[2]!)} |    |`,
  );
  console.log(
    `|${"-".repeat(widths[0]! + 2)}|${"-".repeat(widths[1]! + 2)}|${"-".repeat(widths[2]! + 2)}|----|`,
  );
  for (const row of rows) {
    const verdict = row.ok === undefined ? "" : row.ok ? "ok" : "MISS";
    console.log(
      `| ${pad(row.metric, widths[0]!)} | ${pad(row.value, widths[1]!)} | ${pad(row.target ?? "", widths[2]!)} | ${pad(verdict, 2)} |`,
    );
  }
}

/** Every scenario as JSON in bench/results/, with the machine it ran on. */
export function saveResults(scenarios: Scenario[]): string {
  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), cores: os.cpus().length, node: process.version, scenarios },
      null,
      2,
    ),
  );
  return file;
}

export const fixed = (value: number, digits = 0) => value.toFixed(digits);
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)} ×`;
