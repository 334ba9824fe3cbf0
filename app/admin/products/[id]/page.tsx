import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { newPostPath } from "@/lib/posts/post-inputs";
import {
  adjustStockAction,
  archiveProductAction,
  updateProductAction,
} from "@/app/admin/products/actions";
import { ProductForm } from "@/app/admin/products/_components/product-form";
import { StockForm } from "@/app/admin/products/_components/stock-form";
import { consolePage } from "@/app/admin/require-console";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { getConsoleProduct } from "@/lib/catalog/console/get-console-product";
import { priceInput } from "@/lib/catalog/console/price-input";
import { listStockHistory, stockHistoryCursorSchema } from "@/lib/catalog/list-stock-history";
import { productPath } from "@/lib/catalog/product-id";
import { textFor } from "@/lib/format/lookup";

export const metadata: Metadata = { title: "Product" };

const NOTICES: Record<string, string> = {
  created: "The product is added. Its sizes start at 0 in stock: adjust the stock below.",
  saved: "The product is saved.",
  adjusted: "The stock is adjusted and the change is in its history.",
  archived: "The product is archived: its page now says it is no longer sold.",
  image: "The image is uploaded: the shop shows it now.",
};

const IMAGE_ERRORS: Record<string, string> = {
  invalid_image: "That file is not a JPEG, PNG or WebP image (or it is damaged): nothing changed.",
  too_large: "That image is too big (over 5 MB, or too many pixels): nothing changed.",
  not_found: "That product no longer exists or is archived.",
  invalid_input: "Choose an image to upload.",
};

const REASON_LABELS: Record<string, string> = {
  RECEIVED: "Received",
  CORRECTION: "Correction",
  DAMAGED: "Damaged",
  RETURNED: "Returned",
  ORDER: "Order",
  CANCELLATION: "Cancellation",
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string; before?: string; imageError?: string }>;
};

const sectionClass =
  "flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

export default consolePage("products", async function ProductPage({ params, searchParams }: Props) {
  const [{ id }, { notice, before: beforeParam, imageError }] = await Promise.all([
    params,
    searchParams,
  ]);
  const product = await getConsoleProduct(id);
  if (!product) notFound();
  const before = stockHistoryCursorSchema.parse(beforeParam);
  const history = await listStockHistory({ productId: product.id }, { before });
  const noticeText = textFor(NOTICES, notice);
  const listHref = `/admin/products?store=${product.marketplace.code}`;
  const sized = product.variants.some((variant) => variant.name !== "");

  return (
    <ConsolePage
      title={product.title}
      breadcrumb={[{ href: listHref, label: "Products" }]}
      description={
        <span className="flex flex-wrap items-center gap-2">
          {product.archivedAt ? (
            <Badge>Archived</Badge>
          ) : product.active ? (
            <Badge tone="success">Active</Badge>
          ) : (
            <Badge>Inactive</Badge>
          )}
          <span>{product.marketplace.name} store</span>
        </span>
      }
      actions={
        <span className="flex flex-wrap items-center gap-4">
          {product.active && !product.archivedAt && (
            <Link
              href={newPostPath(product.id)}
              className="text-brand-700 text-sm font-medium hover:underline"
            >
              Post on X
            </Link>
          )}
          <Link
            href={productPath(product.id)}
            className="text-brand-700 text-sm font-medium hover:underline"
          >
            View in the shop
          </Link>
        </span>
      }
    >
      {noticeText && <Notice tone="success">{noticeText}</Notice>}
      {imageError && (
        <Notice tone="warning">
          {textFor(IMAGE_ERRORS, imageError) ?? IMAGE_ERRORS.invalid_image}
        </Notice>
      )}

      <section aria-labelledby="stock-title" className={sectionClass}>
        <h2 id="stock-title" className="text-lg font-semibold">
          Stock
        </h2>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="variant-stock">
          {product.variants.map((variant) => (
            <li
              key={variant.id}
              className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-1.5"
            >
              <span className="font-medium">{sized ? variant.name : "In stock"}</span>
              <span className="tabular-nums">{variant.stock}</span>
              {variant.stock === 0 ? (
                <Badge tone="danger">Out</Badge>
              ) : (
                variant.stock <= product.lowStockThreshold && <Badge tone="warning">Low</Badge>
              )}
            </li>
          ))}
        </ul>
        {!product.archivedAt && (
          <StockForm
            action={adjustStockAction}
            productId={product.id}
            variants={product.variants}
          />
        )}
        <h3 className="text-base font-semibold">History</h3>
        {history.entries.length === 0 ? (
          <p className="text-sm text-slate-600">
            {before ? "No older changes." : "No stock changes yet: an adjustment starts it."}
          </p>
        ) : (
          <ol
            className="flex flex-col divide-y divide-slate-100 text-sm"
            data-testid="stock-history"
          >
            {history.entries.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
                <span className="font-medium tabular-nums">
                  {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
                </span>
                {sized && <span>{entry.variantName}</span>}
                <span>{REASON_LABELS[entry.reason] ?? entry.reason}</span>
                <span className="text-slate-600 tabular-nums">
                  {entry.before} → {entry.after}
                </span>
                {entry.order && <span>order {entry.order.number}</span>}
                {entry.note && <span className="text-slate-700">“{entry.note}”</span>}
                <span className="text-slate-600">
                  {entry.actor?.email ?? "the system"}, <LocalTime date={entry.createdAt} />
                </span>
              </li>
            ))}
          </ol>
        )}
        {(before || history.nextCursor) && (
          <nav aria-label="Stock history pages" className="flex justify-between gap-3 text-sm">
            {before ? (
              <Link
                href={`/admin/products/${product.id}`}
                className="text-brand-700 font-medium hover:underline"
              >
                <span aria-hidden>←</span> Newest changes
              </Link>
            ) : (
              <span />
            )}
            {history.nextCursor && (
              <Link
                href={`/admin/products/${product.id}?before=${history.nextCursor}`}
                className="text-brand-700 font-medium hover:underline"
              >
                Older changes <span aria-hidden>→</span>
              </Link>
            )}
          </nav>
        )}
      </section>

      <section id="image" aria-labelledby="image-title" className={sectionClass}>
        <h2 id="image-title" className="text-lg font-semibold">
          Image
        </h2>
        <div className="flex flex-wrap items-start gap-4">
          <div className="size-32 shrink-0 overflow-hidden rounded-xl bg-slate-100">
            {product.imageUrl && (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={product.imageUrl}
                alt={`${product.title}, as the shop shows it`}
                className="size-full object-cover"
                data-testid="product-image"
              />
            )}
          </div>
          {!product.archivedAt && (
            <form
              method="post"
              action={`/admin/products/${product.id}/image`}
              encType="multipart/form-data"
              className="flex min-w-0 flex-col gap-2 text-sm"
            >
              <label className="flex flex-col gap-1">
                <span className="font-medium text-slate-800">
                  {product.imageUrl ? "Replace the image" : "Upload an image"}
                </span>
                <input
                  type="file"
                  name="image"
                  required
                  accept="image/jpeg,image/png,image/webp"
                  className="max-w-full text-sm"
                />
              </label>
              <span className="text-xs text-slate-600">
                JPEG, PNG or WebP, up to 5 MB. It is cropped to a square.
              </span>
              <button
                type="submit"
                className="self-start rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
              >
                Upload image
              </button>
            </form>
          )}
        </div>
      </section>

      <section aria-labelledby="details-title" className="flex flex-col gap-3">
        <h2 id="details-title" className="text-lg font-semibold">
          Details
        </h2>
        {product.archivedAt ? (
          <Notice tone="warning">
            Archived <LocalTime date={product.archivedAt} />: it is kept for its orders and can no
            longer be edited.
          </Notice>
        ) : (
          <ProductForm
            action={updateProductAction}
            currency={product.marketplace.currency}
            submitLabel="Save product"
            values={{
              productId: product.id,
              title: product.title,
              description: product.description,
              price: priceInput(product.priceMinor),
              sku: product.sku ?? "",
              active: product.active,
              lowStockThreshold: product.lowStockThreshold,
              variants: product.variants,
            }}
          />
        )}
      </section>

      {!product.archivedAt && (
        <section aria-labelledby="archive-title" className={sectionClass}>
          <h2 id="archive-title" className="text-lg font-semibold">
            Archive
          </h2>
          <p className="text-sm text-slate-700">
            Takes the product off sale for good. It is kept, never deleted, so its orders and
            replies still name it; its page tells shoppers it is no longer sold.
          </p>
          <ActionButtonForm
            action={archiveProductAction}
            label="Archive product"
            pendingLabel="Archiving…"
            confirmMessage={`Archive “${product.title}”? It cannot be put back on sale.`}
            variant="danger"
            fields={{ productId: product.id }}
          />
        </section>
      )}
    </ConsolePage>
  );
});
