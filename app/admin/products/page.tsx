import type { Metadata } from "next";
import Link from "next/link";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { EmptyList } from "@/app/admin/_components/empty-list";
import {
  FILTER_CONTROL_CLASS,
  FilterClear,
  FilterField,
  FilterSelect,
  FilterSubmit,
} from "@/app/admin/_components/filter-field";
import { KeysetPager } from "@/app/admin/_components/keyset-pager";
import { consolePage } from "@/app/admin/require-console";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { listStores } from "@/lib/catalog/console/get-console-product";
import {
  listConsoleProducts,
  productFiltersSchema,
  type ConsoleProductRow,
  type ProductFilters,
} from "@/lib/catalog/console/list-console-products";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Products" };

const PATH = "/admin/products";

type Query = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Query> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const hrefOf = (store: string, filters: ProductFilters) => {
  const params = new URLSearchParams({ store });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `${PATH}?${params}`;
};

function StatusBadge({ product }: { product: ConsoleProductRow }) {
  if (product.archivedAt) return <Badge>Archived</Badge>;
  return product.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>;
}

function StockCell({ product }: { product: ConsoleProductRow }) {
  if (product.stock === 0) return <Badge tone="danger">Out of stock</Badge>;
  const low = product.variants.some((variant) => variant.stock <= product.lowStockThreshold);
  return (
    <span className="flex flex-wrap items-center gap-1">
      {product.stock}
      {low && <Badge tone="warning">Low</Badge>}
    </span>
  );
}

export default consolePage("products", async function ProductsPage({ searchParams }: Props) {
  const query = await searchParams;
  const stores = await listStores();
  const store = stores.find((s) => s.code === one(query.store)) ?? stores[0];
  const filters = productFiltersSchema.parse(
    Object.fromEntries(Object.entries(query).map(([key, value]) => [key, one(value)])),
  );
  const { before, ...withoutPage } = filters;
  const filtering = Object.values(withoutPage).some(Boolean);
  const page = store ? await listConsoleProducts(store.id, filters) : null;

  return (
    <ConsolePage
      title="Products"
      description="Each store's catalog: what shoppers can reply to buy, its sizes and their stock."
      actions={
        store && (
          <Link
            href={`${PATH}/new?store=${store.code}`}
            className="bg-brand-600 hover:bg-brand-700 rounded-lg px-3 py-2 text-sm font-medium text-white"
          >
            Add product
          </Link>
        )
      }
    >
      {!store ? (
        <Notice tone="warning">There is no store yet: run the seed to create them.</Notice>
      ) : (
        <>
          <nav aria-label="Stores" className="flex flex-wrap gap-2 text-sm">
            {stores.map((s) => (
              <Link
                key={s.id}
                href={hrefOf(s.code, {})}
                aria-current={s.id === store.id ? "page" : undefined}
                className={`rounded-full border px-3 py-1 font-medium ${
                  s.id === store.id
                    ? "border-brand-600 bg-brand-50 text-brand-700"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
                }`}
              >
                {s.name} ({s.currency})
              </Link>
            ))}
          </nav>
          <form
            method="get"
            action={PATH}
            aria-label="Search and filter products"
            className="flex flex-wrap items-end gap-2 text-sm"
          >
            <input type="hidden" name="store" value={store.code} />
            <FilterField label="Search" className="flex min-w-0 grow flex-col gap-1 sm:grow-0">
              <input
                type="search"
                name="q"
                defaultValue={filters.q ?? ""}
                placeholder="Title or SKU"
                className={`${FILTER_CONTROL_CLASS} w-full sm:w-64`}
              />
            </FilterField>
            <FilterSelect
              label="Status"
              name="status"
              defaultValue={filters.status ?? ""}
              options={[
                ["", "Any status"],
                ["active", "Active"],
                ["inactive", "Inactive"],
                ["archived", "Archived"],
              ]}
            />
            <FilterSelect
              label="Stock"
              name="stock"
              defaultValue={filters.stock ?? ""}
              options={[
                ["", "Any stock"],
                ["low", "Low stock"],
                ["out", "Out of stock"],
              ]}
            />
            <label className="flex items-center gap-2 py-2">
              <input
                type="checkbox"
                name="posted"
                value="yes"
                defaultChecked={filters.posted === "yes"}
                className="size-4"
              />
              <span className="font-medium text-slate-700">Posted on X</span>
            </label>
            <FilterSubmit>Apply</FilterSubmit>
            {filtering && <FilterClear href={hrefOf(store.code, {})}>Clear</FilterClear>}
          </form>
          {!page?.found ? (
            <Notice tone="warning">
              That page of the list does not exist (its link may be cut short).{" "}
              <Link href={hrefOf(store.code, withoutPage)} className="font-medium underline">
                See the first page
              </Link>
            </Notice>
          ) : page.products.length === 0 ? (
            <EmptyList
              testId="products-empty"
              title={filtering || before ? "No products match" : "No products yet"}
            >
              {filtering || before
                ? "Try another search, or clear the filters."
                : "Add the store's first product: its title, price and sizes, then its stock."}
            </EmptyList>
          ) : (
            <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
              <table className="w-full min-w-[44rem] text-left text-sm" data-testid="product-list">
                <caption className="sr-only">Products of the {store.name} store</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      <span className="sr-only">Image</span>
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Product
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Sizes
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Price
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Stock
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Posts
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Replies this week
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {page.products.map((product) => (
                    <tr key={product.id} data-testid="product-row">
                      <td className="px-3 py-2">
                        <div className="size-10 overflow-hidden rounded-lg bg-slate-100">
                          {product.imageUrl && (
                            // eslint-disable-next-line @next/next/no-img-element
                            <img
                              src={product.imageUrl}
                              alt=""
                              loading="lazy"
                              className="size-full object-cover"
                            />
                          )}
                        </div>
                      </td>
                      <td className="px-3 py-2">
                        <div className="flex flex-col gap-0.5">
                          <Link
                            href={`${PATH}/${product.id}`}
                            className="text-brand-700 font-medium hover:underline"
                          >
                            {product.title}
                          </Link>
                          <span className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
                            <StatusBadge product={product} />
                            {product.sku && <span>SKU {product.sku}</span>}
                          </span>
                        </div>
                      </td>
                      <td className="px-3 py-2 text-slate-700">
                        {product.variants
                          .filter((v) => v.name)
                          .map((v) => v.name)
                          .join(", ") || "—"}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {formatMoney(product.priceMinor, store.currency)}
                      </td>
                      <td className="px-3 py-2 tabular-nums">
                        <StockCell product={product} />
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{product.posts}</td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {product.repliesThisWeek}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page?.found && (
            <KeysetPager
              label="Product pages"
              noun="products"
              newestHref={before ? hrefOf(store.code, withoutPage) : undefined}
              olderHref={
                page.olderCursor
                  ? hrefOf(store.code, { ...withoutPage, before: page.olderCursor })
                  : undefined
              }
            />
          )}
        </>
      )}
    </ConsolePage>
  );
});
