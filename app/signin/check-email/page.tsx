import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { devMailboxEnabled } from "@/lib/mail/send-email";
import { SIGN_IN_EMAIL_COOKIE, SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-link";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  // Set by /api/auth when this browser asked for the link; a query string could say anything.
  const email = (await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value;
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Check your email</h1>
      <p className="text-slate-700">
        We sent a sign-in link
        {email ? (
          <>
            {" "}
            to <strong className="break-words">{email}</strong>
          </>
        ) : null}
        . It works once and expires in {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      {devMailboxEnabled() && (
        <p className="bg-brand-50 text-brand-700 rounded-lg p-3 text-sm">
          This demo has no mail server: open the{" "}
          <Link href="/dev/mailbox" className="font-medium underline">
            dev mailbox
          </Link>{" "}
          to find the link.
        </p>
      )}
    </div>
  );
}
