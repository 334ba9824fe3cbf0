import { AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/audit-actions";
import { NONE, diffAuditValues } from "@/lib/audit/diff-audit-values";
import type { AuditListItem } from "@/lib/audit/list-audit-events";
import { LocalTime } from "@/components/ui/local-time";

/** Who made a change, as the log recorded them. */
function describeActor({ actorId, actorEmail }: AuditListItem): string {
  if (actorEmail) return actorId ? actorEmail : `${actorEmail} (account since deleted)`;
  return actorId ? "a console user without an email" : "the server (admin:add or start-up)";
}

/** The audit log's events, newest first: what, to what, who, when, and what changed. */
export function ActivityList({ events }: { events: AuditListItem[] }) {
  return (
    <ol
      aria-label="Activity"
      className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      {events.map((event) => (
        <li
          key={event.id}
          data-testid="activity-event"
          className="flex flex-col gap-2 p-4 md:grid md:grid-cols-[11rem_1fr_14rem] md:gap-4"
        >
          <span className="text-sm text-slate-500 tabular-nums md:order-first">
            <LocalTime date={event.createdAt} />
          </span>
          <div className="flex min-w-0 flex-col gap-1.5">
            <p className="text-sm font-medium text-slate-900">
              {isAuditAction(event.action) ? AUDIT_ACTIONS[event.action] : event.action}
            </p>
            <p className="truncate font-mono text-xs text-slate-500">
              {event.subjectType} {event.subjectId}
            </p>
            <Changes before={event.before} after={event.after} />
          </div>
          <p className="min-w-0 text-sm break-words text-slate-700">
            <span className="text-slate-500">by </span>
            {describeActor(event)}
          </p>
        </li>
      ))}
    </ol>
  );
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffAuditValues(before, after);
  if (changes.length === 0)
    return <p className="text-xs text-slate-500">No recorded field changed.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" data-testid="activity-diff">
      {changes.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-medium text-slate-600">{change.field}</dt>
          <dd className="min-w-0 break-words">
            <span
              className={
                change.before === NONE
                  ? "text-slate-400"
                  : "text-rose-700 line-through decoration-rose-300"
              }
            >
              {change.before}
            </span>
            <span aria-hidden className="px-1 text-slate-400">
              →
            </span>
            <span className="sr-only"> became </span>
            <span className={change.after === NONE ? "text-slate-400" : "text-emerald-800"}>
              {change.after}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
