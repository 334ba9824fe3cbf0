import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/app/admin/_components/activity-list";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { EmptyList } from "@/app/admin/_components/empty-list";
import { FilterClear, FilterSelect, FilterSubmit } from "@/app/admin/_components/filter-field";
import { KeysetPager } from "@/app/admin/_components/keyset-pager";
import { consolePage } from "@/app/admin/require-console";
import { Notice } from "@/components/ui/notice";
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "@/lib/audit/audit-actions";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

export const metadata: Metadata = { title: "Activity" };

const PATH = "/admin/settings/activity";

type Props = { searchParams: Promise<{ before?: string | string[]; action?: string | string[] }> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const pageHref = (query: { before?: string; action?: AuditAction }) => {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.before) params.set("before", query.before);
  return params.size ? `${PATH}?${params}` : PATH;
};

export default consolePage("settings", async function ActivityPage({ searchParams }: Props) {
  const query = await searchParams;
  const asked = one(query.action) || undefined;
  const action = asked && isAuditAction(asked) ? asked : undefined;
  const before = one(query.before) || undefined;
  const page = await listAuditEvents({ before, action });

  return (
    <ConsolePage
      title="Activity"
      breadcrumb={[{ href: "/admin/settings", label: "Settings" }]}
      description="Changes made in the console and by admin:add, newest first, in your time zone."
    >
      <form
        method="get"
        action={PATH}
        className="flex flex-wrap items-end gap-2 text-sm"
        aria-label="Filter activity"
      >
        <FilterSelect
          label="Action"
          name="action"
          defaultValue={action ?? ""}
          options={[["", "All actions"], ...Object.entries(AUDIT_ACTIONS)]}
        />
        <FilterSubmit>Filter</FilterSubmit>
        {action && <FilterClear href={PATH}>Show all actions</FilterClear>}
      </form>
      {asked && !action && (
        <Notice tone="warning">
          There is no action called &ldquo;{asked}&rdquo;: showing every action.
        </Notice>
      )}
      {!page.found ? (
        <Notice tone="warning">
          That page of the activity log does not exist (its link may be cut short).{" "}
          <Link href={pageHref({ action })} className="font-medium underline">
            See the newest activity
          </Link>
        </Notice>
      ) : page.events.length === 0 ? (
        <EmptyList testId="activity-empty" title={before ? "No older activity" : "No activity yet"}>
          {action
            ? `Nothing recorded as “${AUDIT_ACTIONS[action]}” ${before ? "before these" : "yet"}.`
            : "Connecting or disconnecting the brand X account and changing someone's role are recorded here, with who did it and when."}
        </EmptyList>
      ) : (
        <ActivityList events={page.events} />
      )}
      {page.found && (
        <KeysetPager
          label="Activity pages"
          noun="activity"
          newestHref={before ? pageHref({ action }) : undefined}
          olderHref={page.olderCursor ? pageHref({ action, before: page.olderCursor }) : undefined}
        />
      )}
    </ConsolePage>
  );
});
