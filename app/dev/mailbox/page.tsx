import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { isMailboxHost, listDevEmails } from "@/lib/auth/dev-mailbox";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-link";
import { devMailboxEnabled } from "@/lib/mail/send-email";
import { ORDER_EMAIL_KEEP_DAYS } from "@/lib/orders/send-order-email";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevMailboxPage() {
  if (!devMailboxEnabled() || !isMailboxHost((await headers()).get("host"))) notFound();
  const emails = await listDevEmails();

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
        <p className="text-sm text-slate-600">
          This demo has no mail server (SMTP_URL), so sign-in emails and order confirmations land
          here: sign-in emails until their link is used or expires ({SIGN_IN_LINK_MINUTES} minutes),
          order confirmations for {ORDER_EMAIL_KEEP_DAYS} days. Served to this machine only, unless
          HOST opened the demo to the network.
        </p>
      </div>
      {emails.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          No emails waiting. Ask for a sign-in link or place an order and it appears here.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {emails.map((email) => (
            <li
              key={email.id}
              className="rounded-xl border border-slate-200 bg-white p-4 break-words shadow-sm"
            >
              <p className="text-sm text-slate-500">
                To <span className="font-medium text-slate-800">{email.to}</span> ·{" "}
                <LocalTime date={email.createdAt} />
              </p>
              <p className="mt-1 font-medium">{email.subject}</p>
              <a
                href={email.url}
                className="text-brand-700 mt-2 inline-block font-medium wrap-anywhere underline"
              >
                {email.linkLabel ?? `Sign in as ${email.to}`}
              </a>
              {/* A sign-in email's text is its link; other emails have a body worth reading. */}
              {email.linkLabel !== null && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-slate-600">
                    Read the email
                  </summary>
                  <pre className="mt-2 rounded-lg bg-slate-50 p-3 font-sans text-sm wrap-anywhere whitespace-pre-wrap text-slate-700">
                    {email.text}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
