import type { Metadata } from "next";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { createProductAction } from "@/app/admin/products/actions";
import { ProductForm } from "@/app/admin/products/_components/product-form";
import { consolePage } from "@/app/admin/require-console";
import { Notice } from "@/components/ui/notice";
import { listStores } from "@/lib/catalog/console/get-console-product";

export const metadata: Metadata = { title: "Add product" };

type Props = { searchParams: Promise<{ store?: string }> };

export default consolePage("products", async function NewProductPage({ searchParams }: Props) {
  const [{ store: code }, stores] = await Promise.all([searchParams, listStores()]);
  const chosen = stores.find((store) => store.code === code) ?? stores[0];
  const ordered = chosen ? [chosen, ...stores.filter((store) => store !== chosen)] : [];

  return (
    <ConsolePage
      title="Add product"
      breadcrumb={[{ href: `/admin/products?store=${chosen?.code ?? ""}`, label: "Products" }]}
      description="Its sizes start at 0 in stock; add the stock on its page once it is saved."
    >
      {chosen ? (
        <ProductForm
          action={createProductAction}
          stores={ordered}
          currency={chosen.currency}
          submitLabel="Add product"
          values={{
            title: "",
            description: "",
            price: "",
            sku: "",
            active: true,
            lowStockThreshold: 3,
            variants: [],
          }}
        />
      ) : (
        <Notice tone="warning">There is no store yet: run the seed to create them.</Notice>
      )}
    </ConsolePage>
  );
});
