import type { Metadata } from "next";
import Link from "next/link";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { consolePage } from "@/app/admin/require-console";
import { postProductAction } from "@/app/admin/posts/actions";
import { PostComposer } from "@/app/admin/posts/_components/post-composer";
import { ProductSelect } from "@/app/admin/posts/_components/product-picker";
import { Notice } from "@/components/ui/notice";
import { draftProductPost, ProductPostError } from "@/lib/catalog/post-product";
import { productPath } from "@/lib/catalog/product-id";
import { db } from "@/lib/database/db";
import { getEnv } from "@/lib/env";
import { listPostableProducts } from "@/lib/posts/postable-products";

export const metadata: Metadata = { title: "Post on X" };

type Props = { searchParams: Promise<{ product?: string | string[] }> };

const BREADCRUMB = [{ href: "/admin/posts", label: "Posts" }];

/** The draft for the product asked for, or why it cannot be posted. */
async function draftFor(productId: string) {
  try {
    return await draftProductPost(db, productId, getEnv().APP_URL);
  } catch (failure) {
    if (failure instanceof ProductPostError) return { refused: failure.message };
    throw failure;
  }
}

// /admin/posts/new?product=<id>: the composer for one product (a product page's "Post on X");
// without a product, the choice of one.
export default consolePage("posts", async function NewPostPage({ searchParams }: Props) {
  const asked = [(await searchParams).product].flat()[0]?.trim();
  if (!asked) {
    const products = await listPostableProducts(db);
    return (
      <ConsolePage
        title="Post on X"
        breadcrumb={BREADCRUMB}
        description="Choose the product to post. The brand X account posts it; replies with the store's hashtag add it to carts."
      >
        {products.length === 0 ? (
          <Notice tone="warning">
            No product can be posted: a post needs an active, physical product with stock.
          </Notice>
        ) : (
          <form method="get" className="flex flex-col gap-2" aria-label="Choose a product">
            <label htmlFor="post-product" className="text-sm font-medium text-slate-800">
              Product
            </label>
            <ProductSelect id="post-product" name="product" products={products} />
            <button
              type="submit"
              className="self-start rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              Write the post
            </button>
          </form>
        )}
      </ConsolePage>
    );
  }
  const draft = await draftFor(asked);
  if ("refused" in draft)
    return (
      <ConsolePage title="Post on X" breadcrumb={BREADCRUMB}>
        <Notice tone="warning">
          This product cannot be posted: {draft.refused}{" "}
          <Link href="/admin/posts/new" className="font-medium underline">
            Choose another product
          </Link>
        </Notice>
      </ConsolePage>
    );
  return (
    <ConsolePage
      title="Post on X"
      breadcrumb={BREADCRUMB}
      description={
        <>
          The brand X account posts this for{" "}
          <Link href={productPath(draft.product.id)} className="font-medium underline">
            {draft.product.title}
          </Link>{" "}
          ({draft.product.marketplaceCode}). Replies to it with the store&rsquo;s hashtag add it to
          the shopper&rsquo;s cart.
        </>
      }
    >
      <section className="max-w-2xl rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <PostComposer action={postProductAction} productId={draft.product.id} draft={draft.text} />
      </section>
    </ConsolePage>
  );
});
