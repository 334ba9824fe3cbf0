import type { Metadata } from "next";
import { ConsoleNavMenu } from "@/app/admin/_components/console-nav-menu";
import { consoleNavFor } from "@/app/admin/console-nav";
import { requireConsole } from "@/app/admin/require-console";
import { ROLE_LABELS } from "@/lib/accounts/roles";

export const metadata: Metadata = { title: { template: "%s · Shop admin", default: "Shop admin" } };

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireConsole();
  const sections = consoleNavFor(user.role).map(({ href, label, icon }) => ({ href, label, icon }));
  return (
    <div className="flex flex-col gap-6 md:flex-row md:items-start md:gap-8">
      <ConsoleNavMenu sections={sections} role={ROLE_LABELS[user.role]} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
