import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductImage } from "@/components/product/product-image";
import { StockLabel } from "@/components/product/stock-label";
import { getProduct } from "@/lib/catalog/get-product";
import { formatMoney } from "@/lib/money";

type Props = { params: Promise<{ id: string }> };

// The metadata and the page ask for the same product: one query per request.
const loadProduct = cache((id: string) => getProduct(id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).id);
  // The page itself answers 404 (with this segment's not-found.tsx) when there is no product.
  return { title: product?.title ?? "Product not found" };
}

export default async function ProductPage({ params }: Props) {
  const product = await loadProduct((await params).id);
  if (!product) notFound();
  const { marketplace } = product;
  const hashtag = `#${marketplace.hashtags[0] ?? "addtocart"}`;

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/" className="rounded-sm hover:text-slate-900 hover:underline">
          Shop
        </Link>{" "}
        / <span>{marketplace.name} store</span>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <ProductImage src={product.imageUrl} title={product.title} priority />
        <div className="flex flex-col gap-5">
          <div className="flex flex-col gap-2">
            <h1 className="text-3xl font-semibold tracking-tight">{product.title}</h1>
            <p className="text-2xl font-semibold" data-testid="product-price">
              {formatMoney(product.priceMinor, marketplace.currency)}
            </p>
            <div>
              <StockLabel stock={product.stock} digital={product.digital} />
            </div>
          </div>
          <p className="text-slate-700">{product.description}</p>
          {product.variants.length > 0 && (
            <div>
              <h2 className="text-sm font-medium text-slate-900">Sizes</h2>
              <ul className="mt-2 flex flex-wrap gap-2" aria-label="Available sizes">
                {product.variants.map((variant) => (
                  <li
                    key={variant}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium"
                  >
                    {variant}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <section
            aria-labelledby="reply-title"
            className="border-brand-100 bg-brand-50 rounded-2xl border p-5"
          >
            <h2 id="reply-title" className="text-brand-700 font-semibold">
              Buy it with a reply
            </h2>
            <p className="mt-2 text-sm text-slate-700">
              Reply <strong className="font-semibold">{hashtag}</strong> to our post about this
              product on X
              {product.variants.length > 0 ? (
                <>
                  , with your size (for example <strong>{hashtag} size M</strong>)
                </>
              ) : null}
              . Add a number for more than one: <strong>{hashtag} 2</strong>. We&apos;ll reply to
              confirm, and it waits in your cart until you check out.
            </p>
            {product.digital && (
              <p className="mt-2 text-sm text-slate-600">
                Digital items can&apos;t be added by reply; they&apos;re sold on the website only.
              </p>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
