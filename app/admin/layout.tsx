import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/admin/require-admin";

export const metadata: Metadata = { title: { template: "%s · Shop admin", default: "Shop admin" } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav aria-label="Admin" className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-medium text-slate-900">Shop admin</span>
        <span aria-hidden>/</span>
        <Link href="/admin/x" className="rounded px-1 hover:text-slate-900 hover:underline">
          Brand X account
        </Link>
      </nav>
      {children}
    </div>
  );
}
