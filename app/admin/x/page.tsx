import type { Metadata } from "next";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { consolePage } from "@/app/admin/require-console";
import { disconnectBrandAction } from "@/app/admin/x/actions";
import { XButton } from "@/components/auth/x-button";
import { XIdentity } from "@/components/x/x-identity";
import { LocalTime } from "@/components/ui/local-time";
import { textFor } from "@/lib/format/lookup";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Notice } from "@/components/ui/notice";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import { BRAND_PROVIDER_ID, BRAND_X_SCOPES } from "@/lib/x/x-providers";
import { getBrandStatus, type BrandStatus } from "@/lib/brand/brand-account";
import { readReplacedHandle } from "@/lib/brand/replaced-notice";
import { getEnv } from "@/lib/env";
import { describeExpiry, relativeTime } from "@/lib/format/token-times";
import { countWaitingReplies } from "@/lib/outbox/count-waiting-replies";

export const metadata: Metadata = { title: "Brand X account" };

const NOTICES: Record<string, string> = {
  connected: "The brand account is connected. The bot replies from it.",
  disconnected: "The brand account is disconnected, its tokens are deleted and revoked at X.",
  "disconnected-not-revoked":
    "The brand account is disconnected and its tokens are deleted here. X could not be reached to revoke them; remove replycart under Connected apps on X.",
};

type Props = {
  searchParams: Promise<{ error?: string; notice?: string; replaced?: string | string[] }>;
};

/** The notice after a connection that replaced another account names both, when it can. */
function noticeFor(
  notice: string | undefined,
  replacedParam: string | string[] | undefined,
  brand: BrandStatus | null,
) {
  const replaced =
    notice === "replaced" ? readReplacedHandle(replacedParam, getEnv().NEXTAUTH_SECRET!) : null;
  if (replaced && brand)
    return `@${brand.username ?? brand.xUserId} replaced @${replaced} as the shop's X account. The bot replies from it now; @${replaced}'s tokens are revoked at X.`;
  return textFor(NOTICES, notice === "replaced" ? "connected" : notice);
}

export default consolePage("x_account", async function BrandAccountPage({ searchParams }: Props) {
  const [brand, waiting, { error, notice, replaced }] = await Promise.all([
    getBrandStatus(),
    countWaitingReplies(),
    searchParams,
  ]);
  const waitingText = `${waiting} bot ${waiting === 1 ? "reply" : "replies"}`;
  const simulated = getEnv().x.simulated;
  const message = authErrorMessage(error);
  const noticeText = noticeFor(notice, replaced, brand);
  const now = new Date();

  return (
    <ConsolePage
      title="Brand X account"
      description="The shop's own X account: it posts the product posts shoppers reply to, and the bot's replies come from it."
    >
      {noticeText && <Notice tone="success">{noticeText}</Notice>}
      {message && <Notice tone="warning">{message}</Notice>}

      <section
        aria-labelledby="brand-title"
        className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="brand-title" className="sr-only">
          Connection
        </h2>
        {brand ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-4">
              <XIdentity
                profileImageUrl={brand.profileImageUrl}
                username={brand.username}
                xUserId={brand.xUserId}
                testId="brand-handle"
              >
                Connected {relativeTime(brand.connectedAt, now)}
                {brand.connectedBy ? ` by ${brand.connectedBy}` : ""}
              </XIdentity>
              <div className="flex items-start gap-2">
                <XButton
                  label="Reconnect"
                  provider={BRAND_PROVIDER_ID}
                  callbackUrl="/admin/x?notice=connected"
                />
                <ActionButtonForm
                  action={disconnectBrandAction}
                  label="Disconnect"
                  pendingLabel="Disconnecting…"
                  confirmMessage="Disconnect the brand account? The bot stops replying until you reconnect."
                  variant="danger"
                />
              </div>
            </div>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium text-slate-700">Access token</dt>
              <dd data-testid="brand-expiry">{describeExpiry(brand.expiresAt, now)}</dd>
              <dt className="font-medium text-slate-700">Last refresh</dt>
              <dd>
                {brand.refreshedAt ? (
                  <>
                    {relativeTime(brand.refreshedAt, now)} (<LocalTime date={brand.refreshedAt} />)
                  </>
                ) : (
                  "not refreshed since it was connected"
                )}
              </dd>
              <dt className="font-medium text-slate-700">Last error</dt>
              <dd
                data-testid="brand-error"
                className={brand.error ? "text-rose-700" : "text-slate-600"}
              >
                {brand.error ?? "none"}
              </dd>
              <dt className="font-medium text-slate-700">Bot replies waiting</dt>
              <dd data-testid="bot-replies-waiting">
                {waiting === 0 ? "none" : `${waitingText} to post`}
              </dd>
              <dt className="font-medium text-slate-700">X user id</dt>
              <dd className="font-mono text-xs leading-5">{brand.xUserId}</dd>
            </dl>
            {brand.missingScopes.length > 0 && (
              <Notice tone="warning">
                This connection lacks {brand.missingScopes.join(", ")}. Reconnect and allow
                everything X asks for.
              </Notice>
            )}
          </>
        ) : (
          <div className="flex flex-col items-start gap-3">
            <p className="text-sm text-slate-700">
              No brand account is connected, so the bot cannot reply to shoppers. Connect the
              shop&apos;s X account; X asks you to allow: {BRAND_X_SCOPES.replaceAll(" ", ", ")}.
            </p>
            <p className="text-sm text-slate-700" data-testid="bot-replies-waiting">
              {waiting === 0
                ? "No bot replies are waiting."
                : `${waitingText} ${waiting === 1 ? "waits" : "wait"} for a brand account to be connected; each is dropped if not posted within its time to live.`}
            </p>
            <XButton
              label="Connect brand account"
              provider={BRAND_PROVIDER_ID}
              callbackUrl="/admin/x?notice=connected"
            />
          </div>
        )}
        {simulated && (
          <p className="text-xs text-slate-500">
            This shop runs against the X simulator: on its consent page, choose @replycart.
          </p>
        )}
      </section>
    </ConsolePage>
  );
});
