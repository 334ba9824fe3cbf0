import Link from "next/link";
import { devMailboxEnabled } from "@/lib/auth/send-sign-in-email";

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email } = await searchParams;
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Check your email</h1>
      <p className="text-slate-700">
        We sent a sign-in link
        {email ? (
          <>
            {" "}
            to <strong>{email}</strong>
          </>
        ) : null}
        . It works once and expires in 24 hours.
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
