import type { Metadata } from "next";
import Link from "next/link";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { consolePage } from "@/app/admin/require-console";

export const metadata: Metadata = { title: "Settings" };

export default consolePage("settings", async function SettingsPage() {
  return (
    <ConsolePage title="Settings" description="How the shop runs, and who changed what.">
      <ul className="grid gap-3 sm:grid-cols-2">
        <li>
          <Link
            href="/admin/settings/activity"
            className="flex h-full flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-slate-300"
          >
            <span className="font-semibold text-slate-900">Activity</span>
            <span className="text-sm text-slate-600">
              Every change made in the console, who made it and when, newest first.
            </span>
          </Link>
        </li>
        <li className="flex flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-600 shadow-sm">
          <span className="font-semibold text-slate-900">People and roles</span>
          Staff run orders, products and posts; owners also manage the X account and settings. Give
          someone a role on the server with{" "}
          <code className="rounded bg-slate-100 px-1 text-xs">
            npm run admin:add -- EMAIL --role staff
          </code>
          .
        </li>
      </ul>
    </ConsolePage>
  );
});
