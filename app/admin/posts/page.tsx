import type { Metadata } from "next";
import Link from "next/link";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { EmptyList } from "@/app/admin/_components/empty-list";
import { KeysetPager } from "@/app/admin/_components/keyset-pager";
import { consolePage } from "@/app/admin/require-console";
import { PostCard } from "@/app/admin/posts/_components/post-card";
import { Notice } from "@/components/ui/notice";
import { db } from "@/lib/database/db";
import { textFor } from "@/lib/format/lookup";
import { listPosts, type PostState } from "@/lib/posts/list-posts";

export const metadata: Metadata = { title: "Posts" };

const PATH = "/admin/posts";

const NOTICES: Record<string, string> = {
  posted: "Posted on X. Replies to it with the store's hashtag add the product to carts.",
  attached: "The post is attached: replies to it now add its product to carts.",
};

const STATES: { value: PostState | undefined; label: string }[] = [
  { value: undefined, label: "All" },
  { value: "open", label: "Taking orders" },
  { value: "closed", label: "Closed" },
];

type Query = { state?: string | string[]; before?: string | string[]; notice?: string };
type Props = { searchParams: Promise<Query> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const pageHref = (query: { state?: PostState; before?: string }) => {
  const params = new URLSearchParams();
  if (query.state) params.set("state", query.state);
  if (query.before) params.set("before", query.before);
  return params.size ? `${PATH}?${params}` : PATH;
};

const linkClass = "text-brand-700 font-medium hover:underline";

export default consolePage("posts", async function PostsPage({ searchParams }: Props) {
  const query = await searchParams;
  const askedState = one(query.state);
  const state = askedState === "open" || askedState === "closed" ? askedState : undefined;
  const before = one(query.before) || undefined;
  const page = await listPosts(db, { state, before });
  const notice = textFor(NOTICES, query.notice);

  return (
    <ConsolePage
      title="Posts"
      description="The brand's product posts on X, newest first: what their replies added and ordered, and whether each still takes orders."
      actions={
        <>
          <Link
            href="/admin/posts/attach"
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Attach a post
          </Link>
          <Link
            href="/admin/posts/new"
            className="bg-brand-600 hover:bg-brand-700 rounded-lg px-3 py-2 text-sm font-semibold text-white"
          >
            Post a product
          </Link>
        </>
      }
    >
      {notice && <Notice tone="success">{notice}</Notice>}
      <nav aria-label="Filter posts" className="flex flex-wrap gap-2 text-sm">
        {STATES.map((option) => (
          <Link
            key={option.label}
            href={pageHref({ state: option.value })}
            aria-current={option.value === state ? "page" : undefined}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:border-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {option.label}
          </Link>
        ))}
      </nav>
      {page.posts.length === 0 ? (
        <EmptyList
          testId="posts-empty"
          title={
            before ? "No older posts" : state ? "No posts in this state" : "No product posts yet"
          }
        >
          {before ? (
            <Link href={pageHref({ state })} className={linkClass}>
              See the newest posts
            </Link>
          ) : (
            <>
              Post a product on X with{" "}
              <Link href="/admin/posts/new" className={linkClass}>
                Post a product
              </Link>
              , or attach a post you made in the X app with{" "}
              <Link href="/admin/posts/attach" className={linkClass}>
                Attach a post
              </Link>
              .
            </>
          )}
        </EmptyList>
      ) : (
        <ul className="flex flex-col gap-3">
          {page.posts.map((post) => (
            <PostCard key={post.tweetId} post={post} />
          ))}
        </ul>
      )}
      <KeysetPager
        label="Post pages"
        noun="posts"
        newestHref={before ? pageHref({ state }) : undefined}
        olderHref={page.nextCursor ? pageHref({ state, before: page.nextCursor }) : undefined}
      />
    </ConsolePage>
  );
});
