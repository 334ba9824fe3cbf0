import { ProductCard } from "@/components/product/product-card";
import { HowItWorks } from "@/components/how-it-works";
import { listStorefront } from "@/lib/catalog/list-storefront";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const marketplaces = await listStorefront();

  return (
    <div className="flex flex-col gap-12">
      <HowItWorks />
      {marketplaces.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          The shop has no products yet. Run <code className="font-mono">npm run db:seed</code> to
          load the demo catalog.
        </p>
      ) : (
        marketplaces.map((marketplace) => (
          <section
            key={marketplace.id}
            aria-labelledby={`market-${marketplace.code}`}
            className="flex flex-col gap-4"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2
                id={`market-${marketplace.code}`}
                className="text-xl font-semibold tracking-tight"
              >
                {marketplace.name} store
              </h2>
              <p className="text-sm text-slate-600">
                Prices in {marketplace.currency} · reply{" "}
                <span className="text-brand-700 font-semibold">#{marketplace.hashtags[0]}</span>
              </p>
            </div>
            {marketplace.products.length === 0 ? (
              <p className="text-sm text-slate-600">No products in this store yet.</p>
            ) : (
              <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
                {marketplace.products.map((product) => (
                  <ProductCard key={product.id} product={product} currency={marketplace.currency} />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </div>
  );
}
