import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { devMailboxEnabled } from "@/lib/auth/send-sign-in-email";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const emails = await db.devEmail.findMany({ orderBy: { createdAt: "desc" }, take: 50 });

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
        <p className="text-sm text-slate-600">
          No mail server is configured (SMTP_URL), so sign-in emails land here. Set SMTP_URL to send
          real email.
        </p>
      </div>
      {emails.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          No emails yet. Ask for a sign-in link and it appears here.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {emails.map((email) => (
            <li
              key={email.id}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
            >
              <p className="text-sm text-slate-500">
                To <span className="font-medium text-slate-800">{email.to}</span> ·{" "}
                <time dateTime={email.createdAt.toISOString()}>
                  {email.createdAt.toLocaleString("en-GB")}
                </time>
              </p>
              <p className="mt-1 font-medium">{email.subject}</p>
              <a
                href={email.url}
                className="text-brand-700 mt-2 inline-block font-medium underline"
              >
                Sign in as {email.to}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
