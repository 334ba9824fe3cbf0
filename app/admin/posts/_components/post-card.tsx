import Link from "next/link";
import { closePostAction, reopenPostAction } from "@/app/admin/posts/actions";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { productPath } from "@/lib/catalog/product-id";
import type { PostRow } from "@/lib/posts/list-posts";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** One product post: its product, text, when, what its replies did, and its state. */
export function PostCard({ post }: { post: PostRow }) {
  const closed = post.closedAt !== null;
  return (
    <li
      data-testid="post-row"
      data-tweet-id={post.tweetId}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-0.5">
          <h2 className="text-base font-semibold break-words text-slate-900">
            <Link href={productPath(post.product.id)} className="hover:underline">
              {post.product.title}
            </Link>{" "}
            <span className="text-sm font-normal text-slate-600">
              ({post.product.marketplaceCode})
            </span>
          </h2>
          <p className="text-sm text-slate-600">
            Posted <LocalTime date={post.postedAt} /> · post {post.tweetId}
          </p>
        </div>
        {closed ? (
          <Badge tone="warning">Closed</Badge>
        ) : (
          <Badge tone="success">Taking orders</Badge>
        )}
      </div>
      {post.text && (
        <p className="text-sm break-words whitespace-pre-line text-slate-800">{post.text}</p>
      )}
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {(
          [
            ["Replies", post.replies],
            ["Adds", post.adds],
            ["Orders", post.orders],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {closed ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-slate-700">
            Closed <LocalTime date={post.closedAt!} />: replies since are told it no longer takes
            orders and add nothing.
          </p>
          <ActionButtonForm
            action={reopenPostAction}
            label="Reopen for orders"
            pendingLabel="Reopening…"
            fields={{ tweetId: post.tweetId }}
          />
        </div>
      ) : (
        <ActionButtonForm
          action={closePostAction}
          label="Close for orders"
          pendingLabel="Closing…"
          confirmMessage={`Close this post for orders? Replies from now on are told it no longer takes orders and add nothing. What its ${plural(post.adds, "add")} put in carts stays there; you can reopen it.`}
          confirmLabel="Close for orders"
          variant="danger"
          fields={{ tweetId: post.tweetId }}
        />
      )}
    </li>
  );
}
