import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { unlinkXAction } from "@/app/account/actions";
import { ClaimNotice } from "@/components/account/claim-notice";
import { XButton } from "@/components/auth/x-button";
import { XIdentity } from "@/components/x/x-identity";
import { LocalTime } from "@/components/ui/local-time";
import { getXLink } from "@/lib/accounts/get-x-link";
import { textFor } from "@/lib/format/lookup";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Notice } from "@/components/ui/notice";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import { CLAIM_NOTICE_COOKIE, readClaimNotice } from "@/lib/auth/claim-notice";

export const metadata: Metadata = { title: "Your account" };

const NOTICES: Record<string, string> = {
  unlinked: "X is unlinked, its tokens are deleted, and our access was revoked at X.",
  "unlinked-not-revoked":
    "X is unlinked and its tokens are deleted here. X could not be reached to revoke our access, so you can also remove replycart under Connected apps on X.",
};

type Props = { searchParams: Promise<{ error?: string; notice?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath("/account"));
  const [link, jar, { error, notice }] = await Promise.all([
    getXLink(user.id),
    cookies(),
    searchParams,
  ]);
  const claimed = readClaimNotice(jar.get(CLAIM_NOTICE_COOKIE)?.value, user.id);
  const message = authErrorMessage(error);
  const noticeText = textFor(NOTICES, notice);

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-sm text-slate-600">
          Signed in as {user.email ?? user.name ?? "an X user"}
        </p>
      </div>
      {noticeText && <Notice tone="success">{noticeText}</Notice>}
      {message && <Notice tone="warning">{message}</Notice>}
      <ClaimNotice items={claimed} />
      <section
        aria-labelledby="x-title"
        className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="x-title" className="font-semibold">
          X account
        </h2>
        {link ? (
          <div className="flex flex-col gap-3">
            <XIdentity
              profileImageUrl={link.profileImageUrl}
              username={link.username}
              xUserId={link.providerAccountId}
              testId="x-handle"
            >
              Linked <LocalTime date={link.createdAt} dateOnly />
            </XIdentity>
            <ActionButtonForm
              action={unlinkXAction}
              label="Unlink X"
              pendingLabel="Unlinking…"
              confirmMessage="Unlink your X account? Your hashtag replies stop reaching your cart until you link X again."
              variant="danger"
            />
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">
              Link your X account and your hashtag replies to our product posts go straight into
              your cart.
            </p>
            <div>
              <XButton label="Link X account" callbackUrl="/account" />
            </div>
          </div>
        )}
        <p className="text-sm">
          <Link href="/account/replies" className="text-brand-700 font-medium hover:underline">
            My replies
          </Link>
          <span className="text-slate-600">: every hashtag reply we saw and what it did.</span>
        </p>
        <p className="text-xs text-slate-500">
          Replies on X are public: anyone can see that you replied with a shop hashtag. We only read
          your replies to our posts; we never post as you.
        </p>
      </section>
    </div>
  );
}
