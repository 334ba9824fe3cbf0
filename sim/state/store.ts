import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { createSeedState, DEFAULT_FAULTS } from "./seed";
import type { SimApp, SimState, StoredApp } from "./types";

const SAVE_DEBOUNCE_MS = 300;

/** Holds the state in memory and mirrors it to a JSON snapshot (debounced, atomic rename). */
export class Store {
  state: SimState;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private snapshotPath: string | null,
    fresh: boolean,
  ) {
    this.state = (!fresh && snapshotPath && readSnapshot(snapshotPath)) || createSeedState();
  }

  /** Call after every mutation: schedules a save. */
  changed(): void {
    if (!this.snapshotPath || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow();
    }, SAVE_DEBOUNCE_MS);
  }

  saveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.snapshotPath) return;
    mkdirSync(path.dirname(this.snapshotPath), { recursive: true });
    const tmp = `${this.snapshotPath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.snapshotPath);
  }

  reset(apps: SimApp[]): void {
    this.state = createSeedState();
    mergeApps(this.state, apps);
    this.changed();
  }
}

function readSnapshot(file: string): SimState | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as SimState;
    if (parsed.version !== 1) return null;
    parsed.faults = { ...DEFAULT_FAULTS, ...parsed.faults };
    return parsed;
  } catch {
    return null;
  }
}

/** Registered apps always win over the snapshot, so the app's current credentials work. */
export function mergeApps(state: SimState, apps: SimApp[]): void {
  for (const app of apps) {
    const stored: StoredApp = { ...app, appId: appIdFor(app.clientId) };
    const index = state.apps.findIndex((a) => a.clientId === app.clientId);
    if (index >= 0) state.apps[index] = stored;
    else state.apps.push(stored);
  }
}

/** A stable numeric app id derived from the client id. */
function appIdFor(clientId: string): string {
  const hash = createHash("sha256").update(clientId).digest();
  return ((hash.readBigUInt64BE(0) % 10n ** 8n) + 20_000_000n).toString();
}
