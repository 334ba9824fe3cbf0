/** One field an audited change touched, its values as text ("—" where it had none). */
export type AuditChange = { field: string; before: string; after: string };

/** What a field absent on one side shows. */
export const NONE = "—";

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  if (value === undefined || value === null) return NONE;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * The fields whose values differ between an audit event's `before` and `after`, in the order
 * they were recorded: a created thing shows every field from "—", a deleted one every field to
 * "—", an unchanged field nothing. Values that are not flat records compare as a whole.
 */
export function diffAuditValues(before: unknown, after: unknown): AuditChange[] {
  const absent = (value: unknown) => value === undefined || value === null;
  if (!(isFields(before) || absent(before)) || !(isFields(after) || absent(after))) {
    const [was, now] = [show(before), show(after)];
    return was === now ? [] : [{ field: "value", before: was, after: now }];
  }
  const was: Fields = before ?? {};
  const now: Fields = after ?? {};
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((field) => JSON.stringify(was[field] ?? null) !== JSON.stringify(now[field] ?? null))
    .map((field) => ({ field, before: show(was[field]), after: show(now[field]) }));
}
