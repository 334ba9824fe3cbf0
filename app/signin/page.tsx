import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { XButton } from "@/components/auth/x-button";
import { Notice } from "@/components/ui/notice";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  // A failed link (denied consent, X account taken) lands here; a signed-in shopper sees it on
  // the account page where they started.
  if (await getCurrentUser())
    redirect(error ? `/account?error=${encodeURIComponent(error)}` : "/account");
  const message = authErrorMessage(error);
  const target = callbackUrl?.startsWith("/") ? callbackUrl : "/account";

  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to replycart</h1>
      {message && <Notice tone="warning">{message}</Notice>}
      <EmailSignInForm callbackUrl={target} />
      <div className="flex items-center gap-3 text-xs text-slate-500">
        <span className="h-px flex-1 bg-slate-200" /> or{" "}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <XButton label="Sign in with X" callbackUrl={target} />
      <p className="text-xs text-slate-500">
        Sign in with X works once you have linked X from your account page.
      </p>
    </div>
  );
}
