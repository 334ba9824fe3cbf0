import type { DeliveryRecord, Faults } from "../state/types";

export interface FaultHooks {
  drop(record: DeliveryRecord): void;
  send(record: DeliveryRecord): void;
  /** A second record for the same body (the duplicate fault). */
  copy(record: DeliveryRecord): DeliveryRecord;
  hold(record: DeliveryRecord): void;
  delay(ms: number, fn: () => void): void;
}

/** Applies the delivery fault switches to one new delivery. */
export function applyFaults(
  faults: Faults,
  record: DeliveryRecord,
  hooks: FaultHooks,
  random: () => number = Math.random,
): void {
  if (faults.drop > 0 && random() < faults.drop) {
    hooks.drop(record);
    return;
  }
  const records = faults.duplicate ? [record, hooks.copy(record)] : [record];
  for (const r of records) {
    if (faults.duplicate && r !== record) r.note = "duplicate sent by the duplicate fault";
    const go = () => (faults.reorder ? hooks.hold(r) : hooks.send(r));
    if (faults.delayMs > 0) hooks.delay(faults.delayMs, go);
    else go();
  }
}
