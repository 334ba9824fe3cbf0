import type { ProductDetail } from "@/lib/catalog/get-product";
import { getEnv } from "@/lib/env";
import { xPostUrl } from "@/lib/x/x-post-url";

type Post = { tweetId: string; username: string | null } | null;

/**
 * The product page's "buy it with a reply" box: the shop's latest post about the product to reply
 * to, with the hashtag of its store. Products a reply cannot add say why instead.
 */
export function ReplyToBuy({ product, post }: { product: ProductDetail; post: Post }) {
  const { marketplace } = product;
  const hashtag = `#${marketplace.hashtags[0] ?? "addtocart"}`;
  const cart = marketplace.cartWord;
  // A size a reply can add now.
  const exampleSize = product.sizes.find((size) => size.stock > 0)?.name;

  const body = (() => {
    if (product.digital)
      return (
        <p className="mt-2 text-sm text-slate-700">
          Digital items can&apos;t be added by a reply on X; they&apos;re sold on the website only.
        </p>
      );
    if (product.stock <= 0)
      return (
        <p className="mt-2 text-sm text-slate-700">
          It&apos;s out of stock, so a reply can&apos;t add it to your {cart} right now. Check back
          soon.
        </p>
      );
    return (
      <>
        <p className="mt-2 text-sm text-slate-700">
          Reply <strong className="font-semibold">{hashtag}</strong> to our post about this product
          on X
          {exampleSize ? (
            <>
              , with your size (for example{" "}
              <strong>
                {hashtag} size {exampleSize}
              </strong>
              )
            </>
          ) : null}
          . Add a number for more than one: <strong>{hashtag} 2</strong>. We&apos;ll reply to
          confirm, and it waits in your {cart} until you check out.
        </p>
        {post ? (
          <a
            href={xPostUrl(getEnv().x, post.tweetId, post.username)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="product-post-link"
            className="mt-4 inline-flex items-center gap-2 rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
          >
            Reply to this post on X <span aria-hidden>↗</span>
          </a>
        ) : (
          <p className="mt-3 text-sm text-slate-600" data-testid="product-post-missing">
            We haven&apos;t posted this product on X yet, so there is no post to reply to. Check
            back soon.
          </p>
        )}
      </>
    );
  })();

  return (
    <section
      aria-labelledby="reply-title"
      className="border-brand-100 bg-brand-50 rounded-2xl border p-5"
    >
      <h2 id="reply-title" className="text-brand-700 font-semibold">
        {product.digital || product.stock <= 0 ? "Not available by reply" : "Buy it with a reply"}
      </h2>
      {body}
    </section>
  );
}
