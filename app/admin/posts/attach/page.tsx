import type { Metadata } from "next";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { consolePage } from "@/app/admin/require-console";
import { attachPostAction } from "@/app/admin/posts/actions";
import { AttachPostForm } from "@/app/admin/posts/_components/attach-post-form";
import { ProductSelect } from "@/app/admin/posts/_components/product-picker";
import { db } from "@/lib/database/db";
import { listPostableProducts } from "@/lib/posts/postable-products";

export const metadata: Metadata = { title: "Attach a post" };

type Props = { searchParams: Promise<{ product?: string | string[] }> };

// /admin/posts/attach?product=<id>: a post the merchant made in the X app takes orders for a
// product once attached here (checked at X: it must be the brand's own).
export default consolePage("posts", async function AttachPostPage({ searchParams }: Props) {
  const asked = [(await searchParams).product].flat()[0];
  const products = await listPostableProducts(db);
  const known = products.some((product) => product.id === asked) ? asked : undefined;
  return (
    <ConsolePage
      title="Attach a post"
      breadcrumb={[{ href: "/admin/posts", label: "Posts" }]}
      description="Posted a product from the X app? Attach that post here and replies to it add the product to carts. Only the brand account's own posts can be attached; X is asked first."
    >
      <section className="max-w-2xl rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <AttachPostForm
          action={attachPostAction}
          productSelect={
            <ProductSelect
              id="attach-product"
              name="productId"
              products={products}
              defaultValue={known}
            />
          }
        />
      </section>
    </ConsolePage>
  );
});
