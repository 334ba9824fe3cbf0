import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BuyOnWebsite } from "@/components/product/buy-on-website";
import { ProductImage } from "@/components/product/product-image";
import { SizeStockList } from "@/components/product/size-stock";
import { StockLabel } from "@/components/product/stock-label";
import { ReplyToBuy } from "@/components/product/reply-to-buy";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getArchivedProductTitle, getProduct } from "@/lib/catalog/get-product";
import { getProductPost } from "@/lib/catalog/get-product-post";
import { formatMoney } from "@/lib/money";

type Props = { params: Promise<{ id: string }> };

// The metadata and the page ask for the same product: one query per request.
const loadProduct = cache((id: string) => getProduct(id));
const loadArchivedTitle = cache((id: string) => getArchivedProductTitle(id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const product = await loadProduct(id);
  if (product) return { title: product.title };
  const archived = await loadArchivedTitle(id);
  // The page itself answers 404 (with this segment's not-found.tsx) when there is no product.
  return { title: archived ? `${archived}: no longer sold` : "Product not found" };
}

export default async function ProductPage({ params }: Props) {
  const { id } = await params;
  const product = await loadProduct(id);
  if (!product) {
    // An archived product's old links (in posts, in emails) say what became of it.
    const archived = await loadArchivedTitle(id);
    if (!archived) notFound();
    return (
      <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{archived}</h1>
        <p className="text-slate-600" data-testid="no-longer-sold">
          This product is no longer sold.
        </p>
        <Link
          href="/"
          className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
        >
          See what the shop sells
        </Link>
      </div>
    );
  }
  const { marketplace } = product;
  const [post, user] = await Promise.all([getProductPost(product.id), getCurrentUser()]);
  const canAdd = Boolean(user) && product.stock > 0;

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
          {/* The add form's size select lists them, and their stock, when it is there. */}
          {product.sizes.length > 0 && !canAdd && <SizeStockList sizes={product.sizes} />}
          <BuyOnWebsite product={product} signedIn={Boolean(user)} />
          <ReplyToBuy product={product} post={post} />
        </div>
      </div>
    </article>
  );
}
