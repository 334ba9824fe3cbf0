import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { purgeReplyHistoryAction } from "@/app/account/actions";
import { ReplyEntry } from "@/components/account/reply-entry";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import { listReplyHashtags } from "@/lib/catalog/list-reply-hashtags";
import { getEnv } from "@/lib/env";
import { textFor } from "@/lib/format/lookup";
import { listMyReplies, replyCursorSchema } from "@/lib/replies/history/list-my-replies";
import { xPostUrl } from "@/lib/x/x-post-url";

export const metadata: Metadata = { title: "My replies" };

const NOTICES: Record<string, string> = {
  purged:
    "Your reply history is deleted: we no longer keep what your replies said. What they added to your cart stays.",
};

type Props = { searchParams: Promise<{ before?: string; notice?: string }> };

export default async function MyRepliesPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath("/account/replies"));
  const { before: rawBefore, notice } = await searchParams;
  const before = replyCursorSchema.parse(rawBefore);
  const { replies, nextCursor } = await listMyReplies(user.id, { before });
  const noticeText = textFor(NOTICES, notice);
  const x = getEnv().x;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader back={{ href: "/account", label: "Your account" }} title="My replies">
          Every hashtag reply of yours we saw on X, and what it did.
        </PageHeader>
      </div>
      {noticeText && <Notice tone="success">{noticeText}</Notice>}
      {replies.length === 0 && !before ? (
        <EmptyState />
      ) : (
        <>
          <ol className="flex flex-col gap-3" aria-label="Your replies, newest first">
            {replies.map((reply) => (
              <ReplyEntry
                key={reply.id}
                reply={reply}
                xUrl={
                  reply.deletedAt ? null : xPostUrl(x, reply.latestTweetId, reply.authorUsername)
                }
              />
            ))}
          </ol>
          <nav aria-label="More replies" className="flex flex-wrap justify-center gap-3 text-sm">
            {before && (
              <Link
                href="/account/replies"
                className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100"
              >
                ← Newest
              </Link>
            )}
            {nextCursor && (
              <Link
                href={`/account/replies?before=${nextCursor}`}
                className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100"
              >
                Show older replies
              </Link>
            )}
          </nav>
          <section
            aria-labelledby="history-title"
            className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="history-title" className="font-semibold">
              Delete my reply history
            </h2>
            <p className="text-sm text-slate-700">
              We forget what your replies said (their text and what X sent us about them). What they
              did stays: items in your cart, and this list of outcomes without the text. Your
              replies on X stay on X; delete them there.
            </p>
            <ActionButtonForm
              action={purgeReplyHistoryAction}
              fields={{ confirm: "delete-reply-history" }}
              label="Delete my reply history"
              pendingLabel="Deleting…"
              confirmMessage="Delete the text of all your replies we keep? This cannot be undone. Items in your cart stay."
              confirmLabel="Delete history"
              variant="danger"
            />
          </section>
        </>
      )}
    </div>
  );
}

async function EmptyState() {
  const hashtags = await listReplyHashtags();
  return (
    <section
      data-testid="replies-empty"
      className="flex flex-col gap-3 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700"
    >
      <h2 className="text-base font-semibold text-slate-900">No replies yet</h2>
      <p>
        Find one of our product posts on X and reply with the hashtag of its store. Link your X
        account first, on{" "}
        <Link href="/account" className="text-brand-700 font-medium hover:underline">
          your account
        </Link>
        , so it lands in your cart.
      </p>
      {hashtags.length > 0 && (
        <ul className="flex flex-col gap-1">
          {hashtags.map(({ code, name, hashtag, cartWord }) => (
            <li key={code}>
              <strong className="font-semibold">#{hashtag}</strong> for the {name} store: it goes in
              your {cartWord}.
            </li>
          ))}
        </ul>
      )}
      <p>
        Add a number or a size if you like, for example “#{hashtags[0]?.hashtag ?? "addtocart"} 2
        size M”.
      </p>
    </section>
  );
}
